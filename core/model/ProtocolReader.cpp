#include "model/ProtocolReader.h"

#include "diagnostics/ModelError.h"
#include "model/AssignmentReader.h"

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
    throw ModelError({"model", field, 0, 0}, problem);
}

ProtocolChange readChange(const Json& entry, const std::string& field) {
    if (!entry.is_object())
        fail(field, "expected an object with 'object', 'variable' and 'value'");
    const auto object = entry.find("object");
    if (object == entry.end())
        fail(field + ".object", "missing field 'object'");
    if (!object->is_string() || object->get<std::string>().empty())
        fail(field + ".object", "expected the name of a group");
    ProtocolChange change;
    change.object = object->get<std::string>();
    Json assignment = entry;
    assignment.erase("object");
    // Values of Synapses objects between segments are refused by the checker
    // with its own message, so pre/post read like a group's here.
    change.assignment = readAssignment(assignment, change.object, field, false);
    return change;
}

ProtocolSegmentSpec readSegment(const Json& json, const std::string& field) {
    if (!json.is_object())
        fail(field, "expected an object with 'duration' and optionally 'set'");
    for (const auto& [key, value] : json.items())
        if (key != "duration" && key != "set")
            fail(field + "." + key, "unknown field '" + key + "'");
    ProtocolSegmentSpec segment;
    const auto duration = json.find("duration");
    if (duration == json.end())
        fail(field + ".duration", "missing field 'duration'");
    if (!duration->is_string())
        fail(field + ".duration", "expected a time such as \"100*ms\"");
    segment.duration = duration->get<std::string>();
    const auto set = json.find("set");
    if (set == json.end())
        return segment;
    if (!set->is_array())
        fail(field + ".set", "expected a list of values to set");
    for (size_t k = 0; k < set->size(); ++k)
        segment.set.push_back(readChange((*set)[k], field + ".set[" + std::to_string(k) + "]"));
    return segment;
}

} // namespace

std::vector<ProtocolSegmentSpec> readProtocol(const Json& list) {
    if (!list.is_array() || list.empty())
        fail("protocol", "expected a non-empty list of segments");
    std::vector<ProtocolSegmentSpec> protocol;
    for (size_t k = 0; k < list.size(); ++k)
        protocol.push_back(readSegment(list[k], "protocol[" + std::to_string(k) + "]"));
    return protocol;
}

} // namespace spikestudio
