#include "model/ProtocolWriter.h"

#include "model/AssignmentWriter.h"
#include "model/SeedEntry.h"

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

Json changeJson(const ProtocolChange& change, const TimedArrayWriter& timedArrayJson) {
    if (change.reseeds())
        return seedEntryJson(*change.reseed);
    if (change.replacesTimedArray()) {
        Json json = Json::object();
        json["timed_array"] = change.timedArray->name;
        const Json fields = timedArrayJson(*change.timedArray); // items() needs it alive
        for (const auto& [key, value] : fields.items())
            if (key != "name")
                json[key] = value;
        return json;
    }
    Json json = Json::object();
    if (change.changesDt()) {
        json["dt"] = change.dt;
        return json;
    }
    if (change.changesConstant()) {
        json["constant"] = change.constant;
        json["value"] = change.assignment.value;
        return json;
    }
    json["object"] = change.object;
    if (change.setsSpikes()) {
        json["indices"] = change.spikes->indices;
        json["times"] = change.spikes->times;
        if (!change.spikes->period.empty())
            json["period"] = change.spikes->period;
        return json;
    }
    if (change.switchesActive()) {
        json["active"] = *change.active;
        return json;
    }
    const Json assignment = assignmentJson(change.assignment); // items() needs it alive
    for (const auto& [key, value] : assignment.items())
        json[key] = value;
    return json;
}

Json segmentJson(const ProtocolSegmentSpec& segment, const TimedArrayWriter& timedArrayJson) {
    Json json = Json::object();
    json["duration"] = segment.duration;
    if (!segment.set.empty()) {
        Json set = Json::array();
        for (const ProtocolChange& change : segment.set)
            set.push_back(changeJson(change, timedArrayJson));
        json["set"] = std::move(set);
    }
    return json;
}

} // namespace

Json protocolJson(const std::vector<ProtocolSegmentSpec>& protocol,
                  const TimedArrayWriter& timedArrayJson) {
    Json list = Json::array();
    for (const ProtocolSegmentSpec& segment : protocol)
        list.push_back(segmentJson(segment, timedArrayJson));
    return list;
}

} // namespace spikestudio
