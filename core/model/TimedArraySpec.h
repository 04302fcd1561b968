#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// Brian2's TimedArray: values on a time grid, called in expressions as
/// `name(t)` (one column) or `name(t, i)` (a table, one column per index).
struct TimedArraySpec {
    std::string name;
    std::string dt;             // the grid step, a time expression
    std::string unit;           // unit expression the values are in; "" = dimensionless
    std::vector<double> values; // row-major: rows x columns
    long long rows = 0;
    long long columns = 0; // 0: a one-dimensional array, called as name(t)
};

} // namespace spikestudio
