#include "document/ProtocolEdits.h"

#include "document/InitialValues.h"

#include <algorithm>

namespace spikestudio::ProtocolEdits {

namespace {

const char* const kDefaultDuration = "100*ms";

/// `list` with `entry` appended, stored back as `initial` (map or list form).
template <typename Spec> void appendInitial(Spec& spec, const AssignmentSpec& entry) {
    std::vector<AssignmentSpec> list = InitialValues::list(spec.initial, spec.assignments);
    list.push_back(entry);
    InitialValues::store(list, spec.initial, spec.assignments);
}

/// Appends `entry` to the initial values of the group or Synapses object
/// `name`; nothing when there is none (the checker named it already).
void appendInitialOf(Model& model, const std::string& name, const AssignmentSpec& entry) {
    for (GroupSpec& group : model.groups)
        if (group.name == name)
            return appendInitial(group, entry);
    for (SynapsesSpec& synapses : model.synapses)
        if (synapses.name == name)
            return appendInitial(synapses, entry);
}

/// The object whose values the first values entry of `set` after `k` sets ("": none).
std::string nextValuesObject(const std::vector<ProtocolChange>& set, size_t k) {
    for (size_t next = k + 1; next < set.size(); ++next)
        if (set[next].setsValues())
            return set[next].object;
    return "";
}

/// The spikes the SpikeGeneratorGroup `name` emits from the start.
void setSpikes(Model& model, const std::string& name, const SpikeListSpec& spikes) {
    for (GroupSpec& group : model.groups)
        if (group.name == name && group.type == GroupType::SpikeGeneratorGroup) {
            group.spikeIndices = spikes.indices;
            group.spikeTimes = spikes.times;
            group.period = spikes.period;
        }
}

/// Sets `active` of the object named `name`, whatever its kind.
void setActive(Model& model, const std::string& name, bool active) {
    const auto apply = [&](auto& specs) {
        for (auto& spec : specs)
            if (spec.name == name)
                spec.active = active;
    };
    apply(model.groups);
    apply(model.synapses);
    apply(model.poissonInputs);
    apply(model.monitors);
}

/// What the first segment changes becomes what holds before the run: values
/// go to their objects' initial lists, a constant gets the new value as its
/// own, a switch becomes the object's `active`, new spikes the group's own,
/// a replaced TimedArray the model's, a dt change the model's `dt` (the
/// default clock runs at it from the start). A seed entry goes before the
/// values it seeded; one after the last values stays (the first segment may
/// seed the stream before the run).
void moveFirstChangesToInitial(Model& model) {
    if (model.protocol.empty())
        return;
    const std::vector<ProtocolChange> set = std::move(model.protocol.front().set);
    std::vector<ProtocolChange> kept;
    for (size_t k = 0; k < set.size(); ++k) {
        const ProtocolChange& change = set[k];
        if (change.reseeds()) {
            const std::string next = nextValuesObject(set, k);
            if (next.empty())
                kept.push_back(change);
            else
                appendInitialOf(model, next, AssignmentSpec::seedEntry(*change.reseed));
            continue;
        }
        if (change.changesConstant()) {
            for (auto& constant : model.constants)
                if (constant.first == change.constant)
                    constant.second = change.assignment.value;
            continue;
        }
        if (change.switchesActive()) {
            setActive(model, change.object, *change.active);
            continue;
        }
        if (change.setsSpikes()) {
            setSpikes(model, change.object, *change.spikes);
            continue;
        }
        if (change.replacesTimedArray()) {
            for (TimedArraySpec& array : model.timedArrays)
                if (array.name == change.timedArray->name)
                    array = *change.timedArray;
            continue;
        }
        if (change.changesDt()) {
            model.dt = change.dt;
            continue;
        }
        appendInitialOf(model, change.object, change.assignment);
    }
    model.protocol.front().set = std::move(kept);
}

} // namespace

void convertToProtocol(Model& model) {
    if (!model.protocol.empty())
        return;
    ProtocolSegmentSpec segment;
    segment.duration = model.duration.empty() ? kDefaultDuration : model.duration;
    model.protocol.push_back(std::move(segment));
    model.duration.clear();
}

size_t addSegment(Model& model, size_t after) {
    convertToProtocol(model);
    after = std::min(after, model.protocol.size() - 1);
    ProtocolSegmentSpec segment;
    segment.duration = model.protocol[after].duration;
    model.protocol.insert(model.protocol.begin() + std::ptrdiff_t(after) + 1, std::move(segment));
    return after + 1;
}

void removeSegment(Model& model, size_t index) {
    if (index >= model.protocol.size())
        return;
    model.protocol.erase(model.protocol.begin() + std::ptrdiff_t(index));
    if (index == 0)
        moveFirstChangesToInitial(model);
    if (model.protocol.size() == 1 && model.protocol.front().set.empty()) {
        model.duration = model.protocol.front().duration;
        model.protocol.clear();
    }
}

void moveSegment(Model& model, size_t index, int by) {
    const long long to = static_cast<long long>(index) + by;
    if (index >= model.protocol.size() || to < 0 ||
        to >= static_cast<long long>(model.protocol.size()))
        return;
    std::swap(model.protocol[index], model.protocol[size_t(to)]);
}

} // namespace spikestudio::ProtocolEdits
