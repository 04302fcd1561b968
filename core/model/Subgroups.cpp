#include "model/Subgroups.h"

#include "diagnostics/ModelError.h"

namespace spikestudio {

std::string subgroupField(size_t index, const char* part) {
    return "subgroups[" + std::to_string(index) + "]." + part;
}

std::vector<SubgroupSpec> checkSubgroups(const GroupSpec& group) {
    for (size_t k = 0; k < group.subgroups.size(); ++k) {
        const SubgroupSpec& subgroup = group.subgroups[k];
        const std::string quoted = "subgroup '" + subgroup.name + "'";
        if (subgroup.start < 0)
            throw ModelError({group.name, subgroupField(k, "start"), 0, 0},
                             quoted + " starts at " + std::to_string(subgroup.start) +
                                 "; a start must be 0 or more");
        if (subgroup.stop > group.size)
            throw ModelError({group.name, subgroupField(k, "stop"), 0, 0},
                             quoted + " stops at " + std::to_string(subgroup.stop) +
                                 ", beyond the " + std::to_string(group.size) + " elements of '" +
                                 group.name + "'");
        if (subgroup.start >= subgroup.stop)
            throw ModelError({group.name, subgroupField(k, "stop"), 0, 0},
                             quoted + " is empty: its start " + std::to_string(subgroup.start) +
                                 " is not below its stop " + std::to_string(subgroup.stop) +
                                 " (the stop is exclusive)");
    }
    return group.subgroups;
}

std::optional<GroupSlice> findGroupSlice(const std::vector<CheckedGroup>& groups,
                                         const std::string& name) {
    for (size_t k = 0; k < groups.size(); ++k) {
        if (groups[k].name == name)
            return GroupSlice{k, {0, groups[k].size}};
        for (const SubgroupSpec& subgroup : groups[k].subgroups)
            if (subgroup.name == name)
                return GroupSlice{k, {subgroup.start, subgroup.stop - subgroup.start}};
    }
    return std::nullopt;
}

} // namespace spikestudio
