#include "document/ProtocolEdits.h"

#include "document/InitialValues.h"

#include <algorithm>

namespace spikestudio::ProtocolEdits {

namespace {

const char* const kDefaultDuration = "100*ms";

/// The values the first segment sets go to their groups' initial lists.
void moveFirstChangesToInitial(Model& model) {
    if (model.protocol.empty())
        return;
    for (const ProtocolChange& change : model.protocol.front().set) {
        auto group = std::find_if(model.groups.begin(), model.groups.end(),
                                  [&](const GroupSpec& g) { return g.name == change.object; });
        if (group == model.groups.end())
            continue; // the checker named this object already; nothing to keep it on
        std::vector<AssignmentSpec> list = InitialValues::list(group->initial, group->assignments);
        list.push_back(change.assignment);
        InitialValues::store(list, group->initial, group->assignments);
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
