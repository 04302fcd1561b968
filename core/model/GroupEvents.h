#pragma once

#include "model/CheckedModel.h"

#include <string>
#include <vector>

namespace spikestudio {

/// The event every threshold emits, the default of monitors and pathways.
inline constexpr const char* kSpikeEvent = "spike";

/// The events `group` emits: 'spike' when it has a threshold (a
/// SpikeGeneratorGroup always has it). What EventMonitors record and synaptic
/// pathways listen to.
std::vector<std::string> eventsOf(const CheckedGroup& group);

/// Why `group` cannot deliver `event` ("'G' has no event 'custom' (its
/// events: 'spike')"), or "" when it emits it.
std::string missingEventProblem(const CheckedGroup& group, const std::string& event);

} // namespace spikestudio
