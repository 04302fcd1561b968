#include "engine/SubgroupState.h"

namespace spikestudio {

GroupState subgroupCopy(const GroupState& group, const ElementRange& range) {
    GroupState copy;
    copy.name = group.name;
    copy.size = range.size;
    copy.clock = group.clock;
    for (const auto& [name, values] : group.variables) {
        const auto first = values.begin() + range.start;
        copy.variables[name].assign(first, first + range.size);
    }
    return copy;
}

namespace {

void shift(std::vector<std::int32_t>& indices, long long by) {
    if (by == 0)
        return;
    for (std::int32_t& index : indices)
        index = static_cast<std::int32_t>(index + by);
}

} // namespace

void attachToGroups(SynapseState& synapses, GroupState& source, const ElementRange& sourceRange,
                    GroupState& target, const ElementRange& targetRange) {
    shift(synapses.pre, sourceRange.start);
    shift(synapses.post, targetRange.start);
    synapses.source = &source;
    synapses.target = &target;
    synapses.countsPerNeuron.clear();
}

} // namespace spikestudio
