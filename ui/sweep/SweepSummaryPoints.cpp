#include "sweep/SweepSummaryPoints.h"

#include <cmath>
#include <map>
#include <utility>

namespace spikestudio {

bool summaryIsHeatMap(const SweepPlan& plan) {
    return plan.combination() == SweepCombination::Grid && plan.axes().size() >= 2;
}

std::vector<SweepSummaryPoint> summaryPoints(const SweepResultTable& table,
                                             const SweepStatisticColumn& column) {
    const SweepPlan& plan = table.plan();
    const bool heatMap = summaryIsHeatMap(plan);
    struct Gathered {
        SweepSummaryPoint point;
        std::vector<double> values;
    };
    std::map<std::pair<std::size_t, std::size_t>, Gathered> gathered;
    for (const SweepResultRow& row : table.rows()) {
        const std::size_t x = plan.valueIndex(row.variant, 0);
        const std::size_t y = heatMap ? plan.valueIndex(row.variant, 1) : 0;
        Gathered& here = gathered[{x, y}];
        here.point.xIndex = x;
        here.point.yIndex = y;
        here.point.x = plan.axes()[0].values[x];
        here.point.y = heatMap ? plan.axes()[1].values[y] : 0.0;
        if (row.runId)
            here.point.runIds.push_back(*row.runId);
        if (const auto value = SweepResultTable::statistic(row, column);
            value && std::isfinite(*value))
            here.values.push_back(*value);
    }
    std::vector<SweepSummaryPoint> points;
    for (auto& [place, here] : gathered) {
        SweepSummaryPoint point = std::move(here.point);
        point.samples = here.values.size();
        if (point.samples > 0) {
            double sum = 0.0;
            for (double value : here.values)
                sum += value;
            point.mean = sum / double(point.samples);
            double squares = 0.0;
            for (double value : here.values)
                squares += (value - point.mean) * (value - point.mean);
            point.sd = std::sqrt(squares / double(point.samples));
        }
        points.push_back(std::move(point));
    }
    return points;
}

} // namespace spikestudio
