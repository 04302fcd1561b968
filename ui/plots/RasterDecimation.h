#pragma once

#include <cstddef>
#include <vector>

namespace spikestudio {

/// How many neurons a raster skips so that the dots in view stay within a
/// budget: none while they fit, else it draws every 2nd, 4th, ... neuron (a
/// power of two, so that thinning out and back in keeps the same rows).
/// Decided for what is in view, so a short window of a long run shows every
/// neuron again.
namespace RasterDecimation {

/// Index range [first, last) of the spikes at times in [from, to]; `times` sorted.
struct SpikeRange {
    size_t first = 0;
    size_t last = 0;
    size_t size() const { return last - first; }
};
SpikeRange spikesBetween(const std::vector<double>& times, double from, double to);

/// The stride for about `dotsInView` dots against `budget`, given the stride
/// drawn now: thins out as soon as the dots overflow, fills back in only when
/// the finer stride fits with room to spare (no flicker at the edge).
int strideFor(double dotsInView, double budget, int current);

} // namespace RasterDecimation

} // namespace spikestudio
