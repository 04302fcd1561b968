#include "model/GroupEvents.h"

#include <algorithm>

namespace spikestudio {

std::vector<std::string> eventsOf(const CheckedGroup& group) {
    if (group.threshold || group.type == GroupType::SpikeGeneratorGroup)
        return {kSpikeEvent};
    return {};
}

std::string missingEventProblem(const CheckedGroup& group, const std::string& event) {
    const std::vector<std::string> events = eventsOf(group);
    if (std::find(events.begin(), events.end(), event) != events.end())
        return "";
    std::string known;
    for (const std::string& name : events)
        known += (known.empty() ? "'" : ", '") + name + "'";
    return "'" + group.name + "' has no event '" + event + "' (" +
           (known.empty() ? "it has no events: no threshold" : "its events: " + known) + ")";
}

} // namespace spikestudio
