#include "runtime/SpikeGenerator.h"

#include "timing/TimeSteps.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spikestudio {

namespace {
/// Spike order: by time, ties in the order given (Brian2 sorts with a stable mergesort).
std::vector<size_t> byTime(const std::vector<double>& times) {
    std::vector<size_t> order(times.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return times[a] < times[b]; });
    return order;
}
} // namespace

SpikeGenerator::SpikeGenerator(const std::vector<long long>& indices,
                               const std::vector<double>& times, double period, double dt) {
    for (size_t k : byTime(times)) {
        bins_.push_back(spikeStepOf(times[k], dt));
        neurons_.push_back(static_cast<std::int32_t>(indices[k]));
    }
    if (period > 0)
        periodSteps_ = static_cast<std::int64_t>(std::llround(period / dt));
}

void SpikeGenerator::writeSpikes(std::int64_t timestep, std::int32_t* events,
                                 std::int64_t size) const {
    const std::int64_t bin = periodSteps_ > 0 ? timestep % periodSteps_ : timestep;
    const auto [first, last] = std::equal_range(bins_.begin(), bins_.end(), bin);
    std::int64_t count = 0;
    for (auto it = first; it != last; ++it)
        events[count++] = neurons_[static_cast<size_t>(it - bins_.begin())];
    events[size] = static_cast<std::int32_t>(count);
}

} // namespace spikestudio
