#pragma once

#include "analysis/SpikeTrainStatistics.h"
#include "analysis/StateStatistics.h"

#include <deque>
#include <string>
#include <vector>

namespace spikestudio {

/// Statistics of a run, computed once when it ends and stored with it
/// (docs/run-statistics.md says how each is defined).
struct RunStatistics {
    std::vector<SpikeTrainStatistics> spikeMonitors;
    std::vector<VariableStatistics> stateVariables;
};

/// The statistics of a run's records over its `duration` seconds.
RunStatistics computeRunStatistics(const std::deque<SpikeRecord>& spikes,
                                   const std::deque<StateRecord>& states, double duration);

/// As a project stores them (JSON, versioned).
std::string runStatisticsJson(const RunStatistics& statistics);
/// Reads what runStatisticsJson wrote; throws UserError for anything else
/// (a project file is untrusted input).
RunStatistics parseRunStatistics(const std::string& json);

} // namespace spikestudio
