#pragma once

#include "runtime/MonitorRecord.h"
#include "units/Dimension.h"

#include <string>
#include <vector>

namespace spikestudio {

/// What a StateMonitor recorded: one row per recorded step, columns ordered
/// variable-major (v[0], v[3], ..., w[0], w[3], ...). Values in SI base units.
struct StateRecord : MonitorRecord {
    static constexpr RecordKind kind = RecordKind::State;

    struct Column {
        std::string variable;
        long long index = 0;
        Dimension dim;
    };

    std::vector<Column> columns;
    std::vector<double> times;
    std::vector<double> values; // times.size() rows of columns.size()

    size_t rowCount() const { return times.size(); }
    double value(size_t row, size_t column) const { return values[row * columns.size() + column]; }
};

} // namespace spikestudio
