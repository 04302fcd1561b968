#include "analysis/StateStatistics.h"

#include <cmath>

namespace spikestudio {

std::vector<VariableStatistics> stateStatistics(const StateRecord& record) {
    std::vector<VariableStatistics> result;
    const std::size_t columns = record.columns.size();
    for (std::size_t first = 0; first < columns;) {
        std::size_t end = first;
        while (end < columns && record.columns[end].variable == record.columns[first].variable)
            ++end;
        VariableStatistics statistics{
            record.monitor, record.columns[first].variable, record.columns[first].dim, 0, 0.0, 0.0};
        // Welford's update: one pass, no cancellation for large offsets (-65 mV).
        double mean = 0.0, squares = 0.0;
        std::int64_t n = 0;
        for (std::size_t row = 0; row < record.rowCount(); ++row)
            for (std::size_t column = first; column < end; ++column) {
                const double value = record.value(row, column);
                ++n;
                const double delta = value - mean;
                mean += delta / double(n);
                squares += delta * (value - mean);
            }
        statistics.samples = n;
        statistics.mean = mean;
        statistics.sd = n > 0 ? std::sqrt(squares / double(n)) : 0.0;
        result.push_back(statistics);
        first = end;
    }
    return result;
}

} // namespace spikestudio
