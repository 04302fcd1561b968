#pragma once

#include "runtime/Clock.h"
#include "runtime/SpikeGenerator.h"
#include "runtime/StateArray.h"

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace spikestudio {

/// The runtime arrays of one group: one contiguous array per variable, owned
/// here and shared by kernels, monitors and plots (no copies), plus the
/// eventspace (spiking indices this step, count in the last slot) and one
/// eventspace of the same shape per custom event.
struct GroupState {
    std::string name;
    long long size = 0;
    /// A Synapses object's synapses seen as a group, by the Synapses objects
    /// that read or act on them (SynapseState::elements).
    bool ofSynapses = false;
    Clock* clock = nullptr;
    std::map<std::string, StateArray> variables;
    std::vector<std::int32_t> events;
    std::map<std::string, std::vector<std::int32_t>> customEvents; // by event name
    /// Per indexed linked variable, the source element each neuron reads.
    std::map<std::string, std::vector<double>> linkIndices;
    /// A group integrated by a GSL method, size + 2 entries: each element's
    /// last step size (where its solver starts next step), then the first
    /// element the solver failed on plus one (0: none) and the time it failed
    /// (see SolverWatch). Empty for other methods.
    std::vector<double> solverSteps;
    /// A SpikeGeneratorGroup's spikes, which a protocol may replace between
    /// segments (Brian2's set_spikes); null for other groups.
    std::shared_ptr<SpikeGenerator> spikeGenerator;

    std::int32_t spikeCount() const { return events.empty() ? 0 : events.back(); }
    StateArray& variable(const std::string& name) { return variables.at(name); }
    /// The variable `name` refers to once `suffix` is taken off its end
    /// (`x_pre` with "_pre": x), or null when it does not end so or names none.
    const StateArray* suffixedVariable(const std::string& name, const std::string& suffix) const {
        if (!name.ends_with(suffix))
            return nullptr;
        const auto found = variables.find(name.substr(0, name.size() - suffix.size()));
        return found == variables.end() ? nullptr : &found->second;
    }
    /// The eventspace of `event`: `events` for 'spike', else the custom event's.
    const std::vector<std::int32_t>& eventspace(const std::string& event) const {
        return event == "spike" ? events : customEvents.at(event);
    }
    std::vector<std::int32_t>& eventspace(const std::string& event) {
        return event == "spike" ? events : customEvents.at(event);
    }
};

} // namespace spikestudio
