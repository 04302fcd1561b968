#include "model/EventSpecWriter.h"

namespace spikestudio {

nlohmann::ordered_json eventSpecsJson(const std::vector<EventSpec>& events) {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const EventSpec& event : events) {
        nlohmann::ordered_json entry;
        entry["name"] = event.name;
        entry["condition"] = event.condition;
        if (!event.code.empty())
            entry["code"] = event.code;
        list.push_back(entry);
    }
    return list;
}

} // namespace spikestudio
