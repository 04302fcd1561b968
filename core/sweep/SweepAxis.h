#pragma once

#include "units/Quantity.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace spikestudio {

/// One constant a sweep varies and the values it takes, in the order given.
struct SweepAxis {
    std::string constant;
    Dimension dimension;
    std::vector<double> values; // SI
    std::string text;           // as the user wrote it, for summaries and storage
    bool logarithmic = false;   // a `:log` range: plots use a logarithmic axis

    /// The value of variant `k` as a model expression that reads back exactly.
    std::string valueText(std::size_t k) const;
};

/// Reads one `--vary` text:
///   `we=0.5*mV:2*mV:8`        8 values from 0.5 mV to 2 mV, evenly spaced
///   `rate=1*Hz:100*Hz:5:log`  5 values, evenly spaced on a logarithmic scale
///   `taum=[10, 20]*ms`        a list; a unit after ']' applies to every element
///   `taum=[10*ms, 20*ms]`     a list of quantities
///   `we=1*mV`                 one value
/// Units are checked (start, stop and every element of one dimension).
/// Throws UserError naming the option and what is wrong.
SweepAxis parseSweepAxis(std::string_view text);

/// At most this many values on one axis.
inline constexpr std::size_t kMaxAxisValues = 10000;

} // namespace spikestudio
