#pragma once

#include "storage/RunStatus.h"

#include <cstdint>
#include <optional>
#include <string>

namespace spikestudio {

/// One row of the runs table, as `spikestudio runs` lists it.
struct RunSummary {
    std::int64_t id = 0;
    std::string startedAt;  // ISO 8601 UTC, "2024-05-01T12:00:00.000Z"
    std::string finishedAt; // empty while running or when interrupted
    double duration = 0.0;  // simulated seconds requested
    double dt = 0.0;        // the model's dt, seconds
    std::uint32_t seed = 0;
    RunStatus status = RunStatus::Running;
    std::string message;
    std::optional<double> buildMilliseconds;
    std::optional<double> simulateMilliseconds;
    double simulatedTime = 0.0; // seconds reached (of the last committed chunk)
    /// The events recorded over all SpikeMonitors and EventMonitors, as
    /// committed (those that only count, "record": false, are not summed);
    /// nothing when the run had no such monitor (its neurons may well have spiked).
    std::optional<std::int64_t> spikeCount;
    std::int64_t monitorCount = 0;
};

} // namespace spikestudio
