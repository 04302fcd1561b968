#include "analysis/Histogram.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace spikestudio {

Histogram Histogram::ofCounts(const std::vector<long long>& values, size_t maxBins) {
    Histogram histogram;
    if (values.empty())
        return histogram;
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    const long long span = *high - *low + 1;
    const long long perBin = (span + (long long)maxBins - 1) / (long long)maxBins;
    histogram.lower = double(*low) - 0.5;
    histogram.width = double(perBin);
    histogram.counts.assign(size_t((span + perBin - 1) / perBin), 0.0);
    for (long long value : values)
        histogram.counts[size_t((value - *low) / perBin)] += 1.0;
    return histogram;
}

Histogram Histogram::ofValues(std::span<const double> values, size_t bins) {
    Histogram histogram;
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (double value : values)
        if (std::isfinite(value)) {
            low = std::min(low, value);
            high = std::max(high, value);
        }
    if (!(low <= high))
        return histogram;
    if (high - low <= 1e-12 * std::max(std::abs(low), std::abs(high))) {
        // All equal: one bar, as wide as a thousandth of the value (or 1).
        histogram.width = low != 0.0 ? std::abs(low) * 1e-3 : 1.0;
        histogram.lower = low - histogram.width / 2;
        bins = 1;
    } else {
        histogram.width = (high - low) / double(bins);
        histogram.lower = low;
    }
    histogram.counts.assign(bins, 0.0);
    for (double value : values)
        if (std::isfinite(value)) {
            const auto bin = size_t(
                std::clamp((value - histogram.lower) / histogram.width, 0.0, double(bins - 1)));
            histogram.counts[bin] += 1.0;
        }
    return histogram;
}

size_t Histogram::binsFor(size_t values) {
    const auto root = size_t(std::ceil(std::sqrt(double(values))));
    return std::clamp<size_t>(root, 1, 50);
}

} // namespace spikestudio
