#pragma once

#include "engine/SweepRunner.h"

#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace spikestudio {

/// What a sweep prints and writes to sweep.csv: a row per variant with its
/// constants' values, seed, status, and per SpikeMonitor the spikes, the mean
/// rate per recorded neuron, the ISI CV, the Fano factor and the dominant
/// frequency (the run's statistics).
class SweepTable {
public:
    explicit SweepTable(const SweepPlan& plan) : plan_(plan) {}

    /// Adds the row of a variant that ended.
    void add(const SweepVariantOutcome& outcome);
    /// The stored run of variant `variant`, once the sweep is in a project
    /// (the table then has a column for them).
    void setRunId(std::size_t variant, std::int64_t runId);

    /// One line of progress: "[3/16] we=0.0005 V, seed 2: finished, M 812 spikes 10.2 Hz".
    std::string progressLine(const SweepVariantOutcome& outcome) const;
    /// The aligned table for a terminal, rows in variant order.
    void print(std::ostream& out) const;
    /// The same as CSV (SI values, units in header brackets).
    void writeCsv(std::ostream& out) const;

private:
    struct Row {
        SweepVariantOutcome outcome;
        std::optional<std::int64_t> runId;
    };

    std::vector<std::string> header(bool forCsv) const;
    std::vector<std::string> cells(const Row& row, bool forCsv) const;
    std::vector<const Row*> sortedRows() const;

    const SweepPlan& plan_;
    std::vector<Row> rows_;
    std::vector<std::string> monitorNames_; // of the first variant that built
    bool stored_ = false;                   // in a project: a column of run ids
};

} // namespace spikestudio
