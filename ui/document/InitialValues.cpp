#include "document/InitialValues.h"

#include "expr/PathwayDelayName.h"

#include <set>

namespace spikestudio {

namespace InitialValues {

std::vector<AssignmentSpec> list(const NamedExpressions& plain,
                                 const std::vector<AssignmentSpec>& assignments) {
    std::vector<AssignmentSpec> all;
    for (const auto& [variable, value] : plain)
        all.push_back(AssignmentSpec{.variable = variable, .value = value});
    all.insert(all.end(), assignments.begin(), assignments.end());
    return all;
}

bool isPlain(const AssignmentSpec& assignment) {
    // A Synapses object's delays (`delay`, `up.delay`) and seed entries are in the list form only.
    const bool delay = assignment.variable == "delay" || pathwayOfDelay(assignment.variable);
    return !delay && !assignment.isSeedEntry() && !assignment.hasValues && assignment.index.all() &&
           assignment.pre.all() && assignment.post.all() && assignment.condition.empty();
}

void store(const std::vector<AssignmentSpec>& list, NamedExpressions& plain,
           std::vector<AssignmentSpec>& assignments) {
    std::set<std::string> variables;
    bool mapForm = true;
    for (const AssignmentSpec& assignment : list)
        mapForm = mapForm && isPlain(assignment) && variables.insert(assignment.variable).second;
    plain.clear();
    assignments.clear();
    if (!mapForm) {
        assignments = list;
        return;
    }
    for (const AssignmentSpec& assignment : list)
        plain.emplace_back(assignment.variable, assignment.value);
}

} // namespace InitialValues

} // namespace spikestudio
