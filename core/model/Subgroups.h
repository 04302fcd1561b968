#pragma once

#include "model/CheckedModel.h"

#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// A group, whole or one of its subgroups: what a Synapses object, monitor or
/// PoissonInput names as its source or target.
struct GroupSlice {
    size_t group = 0; // index into CheckedModel::groups
    ElementRange range;
};

/// A group's subgroups checked against its size, as Brian2's `P[start:stop]`
/// allows them: 0 <= start < stop <= N. Throws ModelError naming the group
/// and the subgroup's field.
std::vector<SubgroupSpec> checkSubgroups(const GroupSpec& group);

/// The group or subgroup called `name`, or nothing.
std::optional<GroupSlice> findGroupSlice(const std::vector<CheckedGroup>& groups,
                                         const std::string& name);

/// The field of a subgroup a message names: "subgroups[1].name".
std::string subgroupField(size_t index, const char* part);

} // namespace spikestudio
