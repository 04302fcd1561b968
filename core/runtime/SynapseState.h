#pragma once

#include "runtime/Clock.h"
#include "runtime/GroupState.h"
#include "runtime/SpikeQueue.h"

#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// The runtime arrays of one Synapses object: the pre- and postsynaptic index
/// of every synapse, one array per synaptic variable, the delay and a spike
/// queue per pathway. Nothing else is stored per synapse: a delay shared by
/// all synapses is one value, and N_incoming / N_outgoing are counted per
/// neuron when something reads them (SynapseValues.h).
struct SynapseState {
    SynapseState() = default;
    // `variables` names a member: a copy would share the original's arrays.
    SynapseState(const SynapseState&) = delete;
    SynapseState& operator=(const SynapseState&) = delete;

    std::string name;
    GroupState* source = nullptr;
    GroupState* target = nullptr;
    Clock* clock = nullptr;
    std::vector<std::int32_t> pre;
    std::vector<std::int32_t> post;
    /// The synapses as the group another Synapses object acts on (Brian2's
    /// synapses on synapses): one element per synapse, no events; it holds
    /// the per-synapse arrays that `variables` names.
    GroupState elements;
    /// One array per synaptic variable; `delay` too when the delays differ
    /// (or a kernel reads them).
    std::map<std::string, StateArray>& variables = elements.variables;
    /// The delay of every synapse in seconds, or nothing when each synapse has
    /// its own in variables["delay"].
    std::optional<double> uniformDelay = 0.0;
    /// The delays (seconds) of pathways other than 'pre', by pathway name: one
    /// value when shared by every synapse, else one per synapse.
    std::map<std::string, std::vector<double>> pathwayDelays;
    /// N_incoming per target neuron, N_outgoing per source neuron, once counted.
    std::map<std::string, std::vector<double>> countsPerNeuron;
    std::deque<SpikeQueue> queues;

    long long size() const { return static_cast<long long>(pre.size()); }
    StateArray& variable(const std::string& name) { return variables.at(name); }
};

} // namespace spikestudio
