#include "model/GroupEvents.h"

#include <algorithm>

namespace spikestudio {

std::vector<std::string> eventsOf(const CheckedGroup& group) {
    std::vector<std::string> events;
    if (group.threshold || group.type == GroupType::SpikeGeneratorGroup)
        events.push_back(kSpikeEvent);
    for (const CheckedEvent& event : group.events)
        events.push_back(event.name);
    return events;
}

bool hasEvent(const CheckedGroup& group, const std::string& event) {
    const std::vector<std::string> events = eventsOf(group);
    return std::find(events.begin(), events.end(), event) != events.end();
}

const CheckedEvent* customEvent(const CheckedGroup& group, const std::string& event) {
    for (const CheckedEvent& custom : group.events)
        if (custom.name == event)
            return &custom;
    return nullptr;
}

std::string describeEvents(const CheckedGroup& group) {
    if (group.ofSynapses)
        return "it is a Synapses object: synapses have no events";
    std::string known;
    for (const std::string& name : eventsOf(group))
        known += (known.empty() ? "'" : ", '") + name + "'";
    return known.empty() ? "it has no events: no threshold" : "its events: " + known;
}

std::string missingEventProblem(const CheckedGroup& group, const std::string& event) {
    if (hasEvent(group, event))
        return "";
    return "'" + group.name + "' has no event '" + event + "' (" + describeEvents(group) + ")";
}

} // namespace spikestudio
