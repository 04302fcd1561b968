#include "model/RunRegularlyChecker.h"

#include "equations/NameRules.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/GroupChecker.h"
#include "model/ScheduleChecker.h"

#include <set>

namespace spikestudio {

namespace {

/// Brian2's find_name("G_run_regularly*"): the first free of G_run_regularly,
/// G_run_regularly_1, ...
std::string defaultName(const std::string& group, const std::set<std::string>& taken) {
    const std::string base = group + "_run_regularly";
    if (!taken.count(base))
        return base;
    for (int k = 1;; ++k)
        if (!taken.count(base + "_" + std::to_string(k)))
            return base + "_" + std::to_string(k);
}

/// Brian2 writes an `(unless refractory)` variable only where the neuron is
/// not refractory, drawing random numbers only there: not built yet, refused.
void refuseConditionalWrite(const CheckedGroup& group, const Statement& statement) {
    const Equation* eq = group.equations.find(statement.target);
    if (group.refractoryKind != RefractoryKind::None && eq && eq->hasFlag("unless refractory"))
        throw ModelError({"", "", statement.position.line, statement.position.column},
                         "'" + statement.target +
                             "' is declared (unless refractory); run_regularly code that writes "
                             "it is not supported yet");
}

std::vector<Statement> checkCode(const RunRegularlySpec& spec, const CheckedGroup& group) {
    std::vector<Statement> code = checkCodeBlock(spec.code, codeOwner(group));
    for (Statement& statement : code) {
        refuseConditionalWrite(group, statement);
        statement.value = group.equations.substituteSubexpressions(statement.value);
    }
    return code;
}

/// The elements an entry runs for: the whole group, or the subgroup it names.
ElementRange rangeOf(const RunRegularlySpec& entry, const CheckedGroup& group,
                     const std::string& field) {
    if (entry.subgroup.empty())
        return {0, group.size};
    for (const SubgroupSpec& subgroup : group.subgroups)
        if (subgroup.name == entry.subgroup)
            return {subgroup.start, subgroup.stop - subgroup.start};
    throw ModelError({group.name, field + ".subgroup", 0, 0},
                     "'" + entry.subgroup + "' is not one of the subgroups of '" + group.name +
                         "'");
}

} // namespace

std::vector<CheckedRunRegularly>
checkRunRegularlyEntries(const std::vector<RunRegularlySpec>& entries, const std::string& owner,
                         double ownerDt, const Scope& constants,
                         const RunRegularlyCodeCheck& checkCode) {
    std::vector<CheckedRunRegularly> checked;
    std::set<std::string> names;
    for (size_t k = 0; k < entries.size(); ++k) {
        const RunRegularlySpec& entry = entries[k];
        const std::string field = "run_regularly[" + std::to_string(k) + "]";
        CheckedRunRegularly operation;
        if (!entry.name.empty())
            if (const std::string why = whyObjectNameIsRefused(entry.name); !why.empty())
                throw ModelError({owner, field + ".name", 0, 0}, why);
        // Brian2 names it after what it runs on: G_run_regularly, or P_0_10_run_regularly.
        operation.name = entry.name.empty()
                             ? defaultName(entry.subgroup.empty() ? owner : entry.subgroup, names)
                             : entry.name;
        if (!names.insert(operation.name).second)
            throw ModelError({owner, field + ".name", 0, 0}, "another run_regularly of '" + owner +
                                                                 "' is already called '" +
                                                                 operation.name + "'");
        operation.code = within(owner, field + ".code", [&] { return checkCode(entry); });
        if (operation.code.empty())
            throw ModelError({owner, field + ".code", 0, 0}, "run_regularly needs code");
        operation.ownClock = !entry.dt.empty();
        operation.dt = entry.dt.empty()
                           ? ownerDt
                           : positiveTime(entry.dt, constants, owner, field + ".dt", false);
        operation.when = checkedSlot(entry.when, ScheduleSlot::Start, owner, field + ".when");
        operation.order = static_cast<int>(entry.order.value_or(0));
        checked.push_back(std::move(operation));
    }
    return checked;
}

std::vector<CheckedRunRegularly> checkRunRegularly(const GroupSpec& spec, const CheckedGroup& group,
                                                   const Scope& constants) {
    std::vector<CheckedRunRegularly> checked = checkRunRegularlyEntries(
        spec.runRegularly, spec.name, group.dt, constants,
        [&group](const RunRegularlySpec& entry) { return checkCode(entry, group); });
    for (size_t k = 0; k < checked.size(); ++k)
        checked[k].range =
            rangeOf(spec.runRegularly[k], group, "run_regularly[" + std::to_string(k) + "]");
    return checked;
}

} // namespace spikestudio
