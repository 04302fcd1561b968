#pragma once

#include "analysis/RunStatistics.h"
#include "storage/RunStatus.h"
#include "sweep/SweepPlan.h"
#include "units/Dimension.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace spikestudio {

/// One statistic of a monitor as a column of a sweep's table: `spikes.rate_mean`
/// with its unit (Hz), or `trace.v.mean` (V).
struct SweepStatisticColumn {
    std::string monitor;
    std::string figure; // "rate_mean", "v.mean", ...
    Dimension dimension;

    std::string name() const { return monitor + "." + figure; }
    /// The name with its unit in brackets, as the CSV header reads.
    std::string header() const;
    bool operator==(const SweepStatisticColumn& other) const;
};

/// One variant of a sweep: its constants' values (SI, one per axis), seed,
/// status, stored run and statistics.
struct SweepResultRow {
    std::size_t variant = 0; // 0-based, in sweep order
    std::vector<double> values;
    std::optional<std::uint32_t> seed;
    RunStatus status = RunStatus::Finished;
    std::optional<std::int64_t> runId;
    std::optional<RunStatistics> statistics; // nothing when the run built nothing
};

/// A sweep's results, a row per variant in sweep order and a column per
/// statistic any of its runs has (docs/sweeps.md). The command line's table,
/// `export --sweep` and the desktop app's summary plot all read these rows.
class SweepResultTable {
public:
    explicit SweepResultTable(SweepPlan plan) : plan_(std::move(plan)) {}

    const SweepPlan& plan() const { return plan_; }
    /// Adds (or replaces) the row of `variant`; throws UserError when the
    /// sweep has no such variant.
    void add(std::size_t variant, RunStatus status, std::optional<RunStatistics> statistics,
             std::optional<std::int64_t> runId = {});
    void setRunId(std::size_t variant, std::int64_t runId);

    const std::vector<SweepResultRow>& rows() const { return rows_; }
    /// Every statistic of every row, in the order they first appear.
    std::vector<SweepStatisticColumn> statisticColumns() const;
    /// The row's value of `column`; nothing when it has none (undefined,
    /// the monitor missing, no statistics).
    static std::optional<double> statistic(const SweepResultRow& row,
                                           const SweepStatisticColumn& column);
    /// The point (combination of constants) of a row: rows of one point
    /// differ only in their seed.
    std::size_t pointOf(const SweepResultRow& row) const;
    /// Whether any row names a stored run (the table then has a `run id` column).
    bool stored() const { return stored_; }

    /// `variant`, every axis `name [unit]`, `seed` (when seeded), `status`,
    /// `run id` (when stored), then the statistic columns.
    std::vector<std::string> header() const;
    /// A row's cells under header(): values with 17 significant digits
    /// (`columns`: statisticColumns(), taken once for all rows).
    std::vector<std::string> cells(const SweepResultRow& row,
                                   const std::vector<SweepStatisticColumn>& columns) const;
    /// The table as CSV (SI values, units in header brackets, empty cells
    /// where a value is undefined).
    void writeCsv(std::ostream& out) const;

private:
    SweepPlan plan_;
    std::vector<SweepResultRow> rows_; // sorted by variant
    bool stored_ = false;
};

/// The columns of the statistics of one run, in their stored order.
std::vector<SweepStatisticColumn> statisticColumnsOf(const RunStatistics& statistics);

/// The value of `column` in `statistics`; nothing when undefined or absent.
std::optional<double> statisticValue(const RunStatistics& statistics,
                                     const SweepStatisticColumn& column);

/// A number with 17 significant digits (reads back exactly).
std::string exactNumber(double value);

} // namespace spikestudio
