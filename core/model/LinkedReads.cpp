#include "model/LinkedReads.h"

#include "diagnostics/ModelError.h"
#include "expr/ExprRewrite.h"
#include "model/SynapsesTarget.h"

#include <set>

namespace spikestudio {

namespace {

/// The names under which code of one object sees linked variables.
using LinkedNames = std::set<std::string>;

LinkedNames linkedOf(const CheckedGroup& group, const std::string& suffix, bool bare) {
    LinkedNames names;
    for (const CheckedLink& link : group.links) {
        names.insert(link.variable + suffix);
        if (bare)
            names.insert(link.variable);
    }
    return names;
}

void refuseReads(const ExprPtr& expr, const LinkedNames& linked, const std::string& object,
                 const std::string& field, ProblemCollector& problems) {
    if (!expr)
        return;
    for (const std::string& name : collectNames(expr))
        if (linked.count(name))
            problems.attempt([&] {
                throw ModelError({object, field, 0, 0},
                                 "'" + name +
                                     "' is a linked variable; values set before the run or "
                                     "between segments, connect rules and delays cannot read it "
                                     "(not supported yet)");
            });
}

void refuseInAssignments(const std::vector<ElementAssignment>& assignments,
                         const LinkedNames& linked, const std::string& object,
                         ProblemCollector& problems) {
    for (const ElementAssignment& assignment : assignments) {
        refuseReads(assignment.value, linked, object, assignment.field + ".value", problems);
        refuseReads(assignment.condition, linked, object, assignment.field + ".condition",
                    problems);
    }
}

void refuseInGroups(const CheckedModel& checked, ProblemCollector& problems) {
    for (const CheckedGroup& group : checked.groups) {
        const LinkedNames linked = linkedOf(group, "", false);
        for (const Statement& statement : group.initial)
            refuseReads(statement.value, linked, group.name, "initial." + statement.target,
                        problems);
        refuseInAssignments(group.assignments, linked, group.name, problems);
    }
    for (size_t k = 0; k < checked.protocol.size(); ++k)
        for (const CheckedProtocolChange& change : checked.protocol[k].set)
            if (change.kind == CheckedProtocolChange::Kind::GroupValues)
                refuseInAssignments({change.assignment},
                                    linkedOf(checked.groups[change.group], "", false), "model",
                                    problems);
}

void refuseInSynapses(const CheckedModel& checked, ProblemCollector& problems) {
    for (const CheckedSynapses& s : checked.synapses) {
        const CheckedGroup& source = sourceGroupOf(checked.groups, s);
        const CheckedGroup& target = targetGroupOf(checked.groups, s);
        LinkedNames linked = linkedOf(source, "_pre", false);
        linked.merge(linkedOf(target, "_post", true));
        for (const Statement& statement : s.initial)
            refuseReads(statement.value, linked, s.name, "initial." + statement.target, problems);
        refuseInAssignments(s.assignments, linked, s.name, problems);
        for (const CheckedSegment& segment : checked.protocol)
            for (const CheckedProtocolChange& change : segment.set)
                if (change.kind == CheckedProtocolChange::Kind::SynapseValues &&
                    &checked.synapses[change.group] == &s)
                    refuseInAssignments({change.assignment}, linked, "model", problems);
        for (size_t k = 0; k < s.connects.size(); ++k) {
            const CheckedConnect& c = s.connects[k];
            const std::string field =
                s.connects.size() == 1 ? "connect" : "connect[" + std::to_string(k) + "]";
            for (const ExprPtr& expr : {c.element, c.low, c.high, c.step, c.probability, c.size,
                                        c.condition, c.multiplicity, c.arrayProbability})
                refuseReads(expr, linked, s.name, field, problems);
        }
        refuseReads(s.delay, linked, s.name, "delay", problems);
        for (const CheckedPathway& pathway : s.pathways)
            refuseReads(pathway.delay, linked, s.name, pathway.delayField, problems);
        for (const CheckedSummedVariable& summed : s.summed) {
            const CheckedGroup& written = summed.side == SynapseSide::Post ? target : source;
            if (written.linkOf(summed.variable))
                problems.attempt([&] {
                    throw ModelError({s.name, "model", 0, 0},
                                     "'" + summed.variable + "' of '" + written.name +
                                         "' is a linked variable; a summed variable cannot "
                                         "write it");
                });
        }
    }
}

void refuseInPoissonInputs(const CheckedModel& checked, ProblemCollector& problems) {
    for (const CheckedPoissonInput& input : checked.poissonInputs)
        if (checked.groups[input.target].linkOf(input.variable))
            problems.attempt([&] {
                throw ModelError({input.name, "variable", 0, 0},
                                 "'" + input.variable +
                                     "' is a linked variable; a PoissonInput cannot change it");
            });
}

} // namespace

void refuseLinkedVariablesOutsideKernels(const CheckedModel& checked, ProblemCollector& problems) {
    refuseInGroups(checked, problems);
    refuseInSynapses(checked, problems);
    refuseInPoissonInputs(checked, problems);
}

} // namespace spikestudio
