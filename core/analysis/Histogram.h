#pragma once

#include <cstddef>
#include <span>
#include <vector>

namespace spikestudio {

/// Counts in equal bins: bin k covers [lower + k*width, lower + (k+1)*width).
struct Histogram {
    double lower = 0.0;
    double width = 1.0;
    std::vector<double> counts;

    double centre(size_t bin) const { return lower + (double(bin) + 0.5) * width; }

    /// Whole numbers (degrees): a bin per value while they span at most
    /// `maxBins` values, else bins of a whole number of values each.
    static Histogram ofCounts(const std::vector<long long>& values, size_t maxBins = 60);
    /// Real numbers: `bins` bins from the smallest to the largest finite
    /// value (one narrow bin when all are equal); non-finite values are left out.
    static Histogram ofValues(std::span<const double> values, size_t bins = 50);
    /// A bin count for `values` values: their square root, from 1 to 50.
    static size_t binsFor(size_t values);
};

} // namespace spikestudio
