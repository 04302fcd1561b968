#include "model/ProtocolReader.h"

#include "diagnostics/ModelError.h"
#include "model/AssignmentReader.h"
#include "model/SeedEntry.h"

#include <algorithm>

namespace spikestudio {

namespace {

using Json = nlohmann::ordered_json;

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
    throw ModelError({"model", field, 0, 0}, problem);
}

/// Refuses keys of `entry` other than `allowed` (an entry is of one kind).
void refuseOtherKeys(const Json& entry, const std::string& field,
                     const std::vector<std::string>& allowed, const std::string& kind) {
    for (const auto& [key, value] : entry.items())
        if (std::find(allowed.begin(), allowed.end(), key) == allowed.end())
            fail(field + "." + key, "unknown field '" + key + "' in an entry that " + kind);
}

std::string objectName(const Json& entry, const std::string& field) {
    const auto object = entry.find("object");
    if (object == entry.end())
        fail(field + ".object", "missing field 'object'");
    if (!object->is_string() || object->get<std::string>().empty())
        fail(field + ".object", "expected the name of a group or Synapses object");
    return object->get<std::string>();
}

/// `{"constant": "tau", "value": "5*ms"}`: the constant's value from this segment on.
ProtocolChange readConstantChange(const Json& entry, const std::string& field) {
    refuseOtherKeys(entry, field, {"constant", "value"}, "changes a constant");
    ProtocolChange change;
    const Json& constant = entry.at("constant");
    if (!constant.is_string() || constant.get<std::string>().empty())
        fail(field + ".constant", "expected the name of a constant");
    change.constant = constant.get<std::string>();
    const auto value = entry.find("value");
    if (value == entry.end())
        fail(field + ".value", "missing field 'value'");
    if (!value->is_string())
        fail(field + ".value", "expected the constant's new value as an expression such as "
                               "\"5*ms\"");
    change.assignment.value = value->get<std::string>();
    return change;
}

/// `{"dt": "0.05*ms"}`: the default clock's step from this segment on.
ProtocolChange readDtChange(const Json& entry, const std::string& field) {
    refuseOtherKeys(entry, field, {"dt"}, "changes the default clock's dt");
    const Json& dt = entry.at("dt");
    if (!dt.is_string() || dt.get<std::string>().empty())
        fail(field + ".dt", "expected a time such as \"0.05*ms\"");
    ProtocolChange change;
    change.dt = dt.get<std::string>();
    return change;
}

/// `{"object": "M", "active": false}`: whether the object runs from this segment on.
ProtocolChange readActiveSwitch(const Json& entry, const std::string& field) {
    refuseOtherKeys(entry, field, {"object", "active"}, "switches 'active'");
    ProtocolChange change;
    change.object = objectName(entry, field);
    const Json& active = entry.at("active");
    if (!active.is_boolean())
        fail(field + ".active", "expected true or false");
    change.active = active.get<bool>();
    return change;
}

std::vector<long long> spikeIndices(const Json& entry, const std::string& field) {
    const auto indices = entry.find("indices");
    if (indices == entry.end())
        fail(field + ".indices", "missing field 'indices'");
    std::vector<long long> result;
    const auto isIndex = [](const Json& value) {
        return value.is_number_unsigned() ||
               (value.is_number_integer() && value.get<long long>() >= 0);
    };
    if (!indices->is_array() || !std::all_of(indices->begin(), indices->end(), isIndex))
        fail(field + ".indices", "expected a list of neuron indices (whole numbers from 0)");
    for (const Json& index : *indices)
        result.push_back(index.get<long long>());
    return result;
}

std::vector<std::string> spikeTimes(const Json& entry, const std::string& field) {
    const auto times = entry.find("times");
    if (times == entry.end())
        fail(field + ".times", "missing field 'times'");
    if (!times->is_array())
        fail(field + ".times", "expected a list of times such as \"1.5*ms\"");
    std::vector<std::string> result;
    for (const Json& time : *times) {
        if (time.is_string())
            result.push_back(time.get<std::string>());
        else if (time.is_number())
            result.push_back(time.dump()); // the checker asks for a unit, as for the group's times
        else
            fail(field + ".times", "expected a list of times such as \"1.5*ms\"");
    }
    return result;
}

/// `{"object": "SG", "indices": [...], "times": [...], "period": "5*ms"}`: the
/// SpikeGeneratorGroup's spikes from this segment on.
ProtocolChange readSpikes(const Json& entry, const std::string& field) {
    refuseOtherKeys(entry, field, {"object", "indices", "times", "period"}, "sets spikes");
    ProtocolChange change;
    change.object = objectName(entry, field);
    SpikeListSpec spikes;
    spikes.indices = spikeIndices(entry, field);
    spikes.times = spikeTimes(entry, field);
    if (spikes.indices.size() != spikes.times.size())
        fail(field + ".times", "'indices' and 'times' must have the same length (" +
                                   std::to_string(spikes.indices.size()) + " and " +
                                   std::to_string(spikes.times.size()) + ")");
    if (const auto period = entry.find("period"); period != entry.end()) {
        if (!period->is_string())
            fail(field + ".period", "expected a time such as \"5*ms\"");
        spikes.period = period->get<std::string>();
    }
    change.spikes = std::move(spikes);
    return change;
}

/// `{"timed_array": "stimulus", "dt": "1*ms", "values": [...]}`: the
/// TimedArray's values from this segment on; its fields as `timed_arrays`'.
ProtocolChange readTimedArray(const Json& entry, const std::string& field,
                              const TimedArrayReader& read) {
    const Json& name = entry.at("timed_array");
    if (!name.is_string() || name.get<std::string>().empty())
        fail(field + ".timed_array", "expected the name of one of the model's TimedArrays");
    Json fields = entry;
    fields.erase("timed_array");
    if (fields.contains("name"))
        fail(field + ".name", "unknown field 'name' in an entry that replaces a TimedArray");
    fields["name"] = name;
    ProtocolChange change;
    try {
        change.timedArray = read(fields);
    } catch (const ModelError& error) {
        throw error.underField(name.get<std::string>(), field);
    }
    return change;
}

ProtocolChange readChange(const Json& entry, const std::string& field,
                          const std::set<std::string>& synapses,
                          const TimedArrayReader& readTimedArrayFields) {
    if (!entry.is_object())
        fail(field, "expected an object with 'object', 'variable' and 'value'");
    if (entry.contains("constant"))
        return readConstantChange(entry, field);
    if (entry.contains("active"))
        return readActiveSwitch(entry, field);
    if (isSeedEntry(entry))
        return ProtocolChange::seedEntry(readSeedEntry(entry, "model", field));
    if (entry.contains("indices") || entry.contains("times"))
        return readSpikes(entry, field);
    if (entry.contains("timed_array"))
        return readTimedArray(entry, field, readTimedArrayFields);
    if (entry.contains("dt"))
        return readDtChange(entry, field);
    ProtocolChange change;
    change.object = objectName(entry, field);
    Json assignment = entry;
    assignment.erase("object");
    // Only a Synapses object's values may select synapses by `pre` and `post`.
    change.assignment =
        readAssignment(assignment, change.object, field, synapses.count(change.object) > 0);
    return change;
}

ProtocolSegmentSpec readSegment(const Json& json, const std::string& field,
                                const std::set<std::string>& synapses,
                                const TimedArrayReader& readTimedArray) {
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
        segment.set.push_back(readChange((*set)[k], field + ".set[" + std::to_string(k) + "]",
                                         synapses, readTimedArray));
    return segment;
}

} // namespace

std::vector<ProtocolSegmentSpec> readProtocol(const Json& list,
                                              const std::set<std::string>& synapses,
                                              const TimedArrayReader& readTimedArray) {
    if (!list.is_array() || list.empty())
        fail("protocol", "expected a non-empty list of segments");
    std::vector<ProtocolSegmentSpec> protocol;
    for (size_t k = 0; k < list.size(); ++k)
        protocol.push_back(
            readSegment(list[k], "protocol[" + std::to_string(k) + "]", synapses, readTimedArray));
    return protocol;
}

} // namespace spikestudio
