#pragma once

#include "sweepresults/SweepResultTable.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// One point of a sweep's summary plot: a value of the first constant (and,
/// for a grid of two or more, of the second), the statistic's mean and
/// standard deviation (population) over the runs there (seeds, and the
/// values of any further constant), and those runs.
struct SweepSummaryPoint {
    std::size_t xIndex = 0; // into the first axis's values
    std::size_t yIndex = 0; // into the second's (0 for a line)
    double x = 0.0;         // SI
    double y = 0.0;         // SI (0 for a line)
    double mean = 0.0;
    double sd = 0.0;
    std::size_t samples = 0; // runs with a value of the statistic
    std::vector<std::int64_t> runIds;
};

/// Whether the summary of `plan` is a heat map (a grid of two constants or
/// more) rather than a line (one constant, or zipped constants).
bool summaryIsHeatMap(const SweepPlan& plan);

/// The points of `column` over `table`, ordered by xIndex then yIndex; a
/// point whose runs have no value has samples 0 (a line leaves it out, a
/// heat map shows the cell empty).
std::vector<SweepSummaryPoint> summaryPoints(const SweepResultTable& table,
                                             const SweepStatisticColumn& column);

} // namespace spikestudio
