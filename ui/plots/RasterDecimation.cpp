#include "plots/RasterDecimation.h"

#include <algorithm>

namespace spikestudio::RasterDecimation {

namespace {

constexpr int kLargestStride = 1 << 30;
// Fill back in only when the finer stride leaves this share of the budget free.
constexpr double kRoomToSpare = 0.25;

int smallestStrideWithin(double dots, double budget) {
    int stride = 1;
    while (dots / stride > budget && stride < kLargestStride)
        stride *= 2;
    return stride;
}

} // namespace

SpikeRange spikesBetween(const std::vector<double>& times, double from, double to) {
    const auto first = std::lower_bound(times.begin(), times.end(), from);
    const auto last = std::upper_bound(first, times.end(), to);
    return {size_t(first - times.begin()), size_t(last - times.begin())};
}

int strideFor(double dotsInView, double budget, int current) {
    const int needed = smallestStrideWithin(dotsInView, budget);
    if (needed >= current)
        return needed;
    const int roomy = smallestStrideWithin(dotsInView, budget * (1.0 - kRoomToSpare));
    return std::min(current, roomy);
}

} // namespace spikestudio::RasterDecimation
