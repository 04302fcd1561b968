#pragma once

#include "runtime/Clock.h"
#include "runtime/GroupState.h"
#include "runtime/SpikeQueue.h"

#include <cstdint>
#include <deque>
#include <map>
#include <string>
#include <vector>

namespace spikestudio {

/// The runtime arrays of one Synapses object: the pre- and postsynaptic index
/// of every synapse, one array per synaptic variable (with `delay`,
/// `N_incoming`, `N_outgoing`), and a spike queue per pathway.
struct SynapseState {
    std::string name;
    GroupState* source = nullptr;
    GroupState* target = nullptr;
    Clock* clock = nullptr;
    std::vector<std::int32_t> pre;
    std::vector<std::int32_t> post;
    std::map<std::string, std::vector<double>> variables;
    std::deque<SpikeQueue> queues;

    long long size() const { return static_cast<long long>(pre.size()); }
    std::vector<double>& variable(const std::string& name) { return variables.at(name); }
};

} // namespace spikestudio
