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
/// own, a switch becomes the object's `active`.
void moveFirstChangesToInitial(Model& model) {
    if (model.protocol.empty())
        return;
    for (const ProtocolChange& change : model.protocol.front().set) {
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
        auto group = std::find_if(model.groups.begin(), model.groups.end(),
                                  [&](const GroupSpec& g) { return g.name == change.object; });
        auto synapses =
            std::find_if(model.synapses.begin(), model.synapses.end(),
                         [&](const SynapsesSpec& s) { return s.name == change.object; });
        if (group != model.groups.end())
            appendInitial(*group, change.assignment);
        else if (synapses != model.synapses.end())
            appendInitial(*synapses, change.assignment);
        // else the checker named this object already; nothing to keep it on
    }
    model.protocol.front().set.clear();
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
    if (model.protocol.size() == 1) {
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
