#pragma once

#include <vector>

namespace spikestudio {

/// Brian2's PopulationRateMonitor.smooth_rate windows.
enum class RateWindow {
    Flat,     // a box of `width`, rounded to an odd number of steps
    Gaussian, // a Gaussian of standard deviation `width`, cut at +-2 width
};

/// The population rate smoothed as Brian2's smooth_rate does: the window,
/// normalised to sum 1, convolved with the rate ("same" mode: one value per
/// step, zeros beyond the ends). `dt` and `width` in seconds, width > 0.
/// (When the window is longer than the recording numpy returns the window's
/// length; here the result always has the rate's length.)
std::vector<double> smoothRate(const std::vector<double>& rate, double dt, RateWindow window,
                               double width);

} // namespace spikestudio
