#pragma once

#include "runtime/Clock.h"

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace spikestudio {

/// The runtime arrays of one group: one contiguous array per variable, owned
/// here and shared by kernels, monitors and plots (no copies), plus the
/// eventspace (spiking indices this step, count in the last slot).
struct GroupState {
    std::string name;
    long long size = 0;
    Clock* clock = nullptr;
    std::map<std::string, std::vector<double>> variables;
    std::vector<std::int32_t> events;
    /// Per indexed linked variable, the source element each neuron reads.
    std::map<std::string, std::vector<double>> linkIndices;

    std::int32_t spikeCount() const { return events.empty() ? 0 : events.back(); }
    std::vector<double>& variable(const std::string& name) { return variables.at(name); }
};

} // namespace spikestudio
