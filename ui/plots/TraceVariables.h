#pragma once

#include "runtime/StateRecord.h"

#include <QString>
#include <vector>

namespace spikestudio {

/// One variable a StateMonitor records, with the columns that hold it (one
/// per recorded index): what one trace panel shows.
struct TraceVariable {
    QString name;
    Dimension dim;
    std::vector<size_t> columns;
};

/// The record's variables in the order the monitor lists them.
std::vector<TraceVariable> traceVariables(const StateRecord& record);

/// The largest magnitude of the variable's first `columns` columns in rows
/// [fromRow, rowCount()); 0 when there are none.
double largestMagnitude(const StateRecord& record, const TraceVariable& variable, size_t columns,
                        size_t fromRow = 0);

} // namespace spikestudio
