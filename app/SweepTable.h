#pragma once

#include "engine/SweepRunner.h"
#include "sweepresults/SweepResultTable.h"

#include <cstdint>
#include <ostream>
#include <string>

namespace spikestudio {

/// What a sweep prints and writes to sweep.csv, built on the sweep's
/// SweepResultTable (the rows `export --sweep` and the desktop app read):
/// the CSV holds every statistic, the terminal table per SpikeMonitor the
/// spikes, mean rate, ISI CV, Fano factor and dominant frequency.
class SweepTable {
public:
    explicit SweepTable(const SweepPlan& plan) : plan_(plan), results_(plan) {}

    /// Adds the row of a variant that ended.
    void add(const SweepVariantOutcome& outcome);
    /// The stored run of variant `variant`, once the sweep is in a project
    /// (the table then has a column for them).
    void setRunId(std::size_t variant, std::int64_t runId) { results_.setRunId(variant, runId); }

    /// One line of progress: "[3/16] we=0.0005 V, seed 2: finished, M 812 spikes 10.2 Hz".
    std::string progressLine(const SweepVariantOutcome& outcome) const;
    /// The aligned table for a terminal, rows in variant order.
    void print(std::ostream& out) const;
    /// The result table as CSV (SI values, units in header brackets).
    void writeCsv(std::ostream& out) const { results_.writeCsv(out); }

private:
    const SweepPlan& plan_;
    SweepResultTable results_;
};

} // namespace spikestudio
