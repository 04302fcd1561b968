#include "plots/TraceVariables.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

std::vector<TraceVariable> traceVariables(const StateRecord& record) {
    std::vector<TraceVariable> variables;
    for (size_t c = 0; c < record.columns.size(); ++c) {
        const QString name = QString::fromStdString(record.columns[c].variable);
        if (variables.empty() || variables.back().name != name)
            variables.push_back({name, record.columns[c].dim, {}});
        variables.back().columns.push_back(c);
    }
    return variables;
}

double largestMagnitude(const StateRecord& record, const TraceVariable& variable, size_t columns,
                        size_t fromRow) {
    double largest = 0.0;
    const size_t shown = std::min(columns, variable.columns.size());
    for (size_t row = fromRow; row < record.rowCount(); ++row)
        for (size_t c = 0; c < shown; ++c) {
            const double value = std::abs(record.value(row, variable.columns[c]));
            if (std::isfinite(value))
                largest = std::max(largest, value);
        }
    return largest;
}

} // namespace spikestudio
