#pragma once

#include "storage/RunStatus.h"

#include <optional>
#include <string>

namespace spikestudio {

/// How a run ended, as a RunSink stores it: finished, stopped or failed
/// (with why), and the milliseconds spent building and simulating.
struct RunOutcome {
    RunStatus status = RunStatus::Finished;
    std::string message; // why it failed; empty otherwise
    std::optional<double> buildMilliseconds;
    std::optional<double> simulateMilliseconds;
    std::string statisticsJson; // analysis/RunStatistics as JSON; empty: none
};

} // namespace spikestudio
