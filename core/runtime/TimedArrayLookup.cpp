#include "runtime/TimedArrayLookup.h"

#include <cmath>

namespace {

int64_t rowAt(int64_t rows, double epsilon, int64_t oversampling, double t) {
    const double position = (t / epsilon + 0.5) / static_cast<double>(oversampling);
    if (!(position >= 1.0)) // before the first row (or NaN): the first value
        return 0;
    if (position >= static_cast<double>(rows))
        return rows - 1;
    return static_cast<int64_t>(position);
}

} // namespace

extern "C" double spikestudio_timed_array_1d(const double* values, int64_t rows, double epsilon,
                                             int64_t oversampling, double t) {
    return values[rowAt(rows, epsilon, oversampling, t)];
}

extern "C" double spikestudio_timed_array_2d(const double* values, int64_t rows, int64_t columns,
                                             double epsilon, int64_t oversampling, double t,
                                             double index) {
    // Brian2 passes the index as a C int, which truncates towards zero.
    if (!(index > -1.0 && index < static_cast<double>(columns)))
        return std::nan("");
    const auto column = static_cast<int64_t>(index);
    return values[rowAt(rows, epsilon, oversampling, t) * columns + column];
}
