#pragma once

#include "model/CheckedModel.h"
#include "runtime/GroupState.h"
#include "runtime/SynapseState.h"

namespace spikestudio {

/// A subgroup's slice of `group` as a group of its own (its variables copied,
/// element 0 being `range.start`), for what is evaluated once while building
/// in the subgroup's own indices: connect rules, delays, synapses' initial values.
GroupState subgroupCopy(const GroupState& group, const ElementRange& range);

/// Synapses created between subgroup copies, pointed at the whole groups:
/// their indices move by each side's start. Counts per neuron are dropped.
void attachToGroups(SynapseState& synapses, GroupState& source, const ElementRange& sourceRange,
                    GroupState& target, const ElementRange& targetRange);

/// Whether `range` is all of `group`.
inline bool isWhole(const ElementRange& range, const GroupState& group) {
    return range.start == 0 && range.size == group.size;
}

} // namespace spikestudio
