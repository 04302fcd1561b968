#pragma once

#include "model/CheckedModel.h"

#include <string>
#include <vector>

namespace spikestudio {

/// The name of the event a group's threshold (or generator) emits.
inline constexpr const char* kSpikeEvent = "spike";

/// The events a checked group emits, which EventMonitors and synaptic
/// pathways may name: 'spike' when it has a threshold (or generates spikes),
/// then its custom events in the order declared.
std::vector<std::string> eventsOf(const CheckedGroup& group);

/// Whether `group` emits `event`.
bool hasEvent(const CheckedGroup& group, const std::string& event);

/// The custom event `event` of `group`, or null (also for 'spike').
const CheckedEvent* customEvent(const CheckedGroup& group, const std::string& event);

/// "its events: 'spike', 'up'" or "it has no events: no threshold", for messages.
std::string describeEvents(const CheckedGroup& group);

/// Why `group` cannot deliver `event` ("'G' has no event 'custom' (its
/// events: 'spike')"), or "" when it emits it.
std::string missingEventProblem(const CheckedGroup& group, const std::string& event);

} // namespace spikestudio
