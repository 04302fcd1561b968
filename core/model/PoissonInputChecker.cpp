#include "model/PoissonInputChecker.h"

#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/Subgroups.h"

#include <cmath>

namespace spikestudio {

namespace {

[[noreturn]] void fail(const PoissonInputSpec& spec, const std::string& field,
                       const std::string& problem) {
    throw ModelError({spec.name, field, 0, 0}, problem);
}

GroupSlice findTarget(const PoissonInputSpec& spec, const std::vector<CheckedGroup>& groups) {
    const auto slice = findGroupSlice(groups, spec.target);
    if (!slice)
        fail(spec, "target", "unknown target '" + spec.target + "'");
    const CheckedGroup& group = groups[slice->group];
    if (group.type != GroupType::NeuronGroup)
        fail(spec, "target",
             "a PoissonInput needs a NeuronGroup as its target, '" + spec.target + "' is " +
                 (group.name == spec.target ? "" : "a subgroup of ") + "a " + typeName(group.type));
    return *slice;
}

const Equation& targetVariable(const PoissonInputSpec& spec, const CheckedGroup& group) {
    const Equation* eq = group.equations.find(spec.variable);
    if (!eq || eq->kind == EquationKind::Subexpression)
        fail(spec, "variable",
             "'" + spec.variable + "' is not a state variable of '" + group.name + "'");
    if (eq->hasFlag("constant") || eq->hasFlag("shared"))
        fail(spec, "variable",
             "'" + spec.variable + "' is declared " +
                 (eq->hasFlag("constant") ? "constant" : "shared") +
                 "; a PoissonInput needs a variable it can change for each neuron");
    return *eq;
}

/// rate * dt: the chance that one input fires in one step (Brian2's binomial p).
double firingProbability(const PoissonInputSpec& spec, const CheckedGroup& group,
                         const Scope& constants) {
    const Quantity rate = within(
        spec.name, "rate", [&] { return evaluateQuantity(parseExpression(spec.rate), constants); });
    if (rate.dim != Dimension::hertz())
        fail(spec, "rate",
             "DimensionMismatchError: rate '" + spec.rate + "' must be a rate (Hz), but has unit " +
                 displayUnit(rate.dim));
    const double probability = rate.value * group.dt;
    if (!(rate.value >= 0.0) || !std::isfinite(rate.value))
        fail(spec, "rate",
             "the rate must be finite and zero or more, got " + formatNumber(rate.value) +
                 " Hz (Brian2 refuses it when drawing: p < 0, p > 1 or p is NaN)");
    if (probability > 1.0)
        fail(spec, "rate",
             "rate * dt must lie between 0 and 1 (a probability per step), but it is " +
                 std::to_string(probability));
    return probability;
}

ExprPtr checkedWeight(const PoissonInputSpec& spec, const CheckedGroup& group,
                      const Equation& variable) {
    return within(spec.name, "weight", [&] {
        const ExprPtr weight = parseExpression(spec.weight);
        const ValueInfo info = checkDimensions(weight, *group.scope);
        if (info.dim != variable.unit.dim)
            throw ModelError({"", "", 1, 1}, "DimensionMismatchError: the weight '" + spec.weight +
                                                 "' has unit " + displayUnit(info.dim) + " but '" +
                                                 variable.name + "' has unit " +
                                                 displayUnit(variable.unit.dim));
        return group.equations.substituteSubexpressions(weight);
    });
}

} // namespace

CheckedPoissonInput checkPoissonInput(const PoissonInputSpec& spec, size_t index,
                                      const std::vector<CheckedGroup>& groups,
                                      const Scope& constants) {
    CheckedPoissonInput input;
    input.name = spec.name;
    // Brian2 names them poissoninput, poissoninput_1, ... in creation order.
    input.scheduleName = index == 0 ? "poissoninput" : "poissoninput_" + std::to_string(index);
    const GroupSlice target = findTarget(spec, groups);
    input.target = target.group;
    input.range = target.range;
    const CheckedGroup& group = groups[input.target];
    const Equation& variable = targetVariable(spec, group);
    input.variable = spec.variable;
    input.count = spec.count;
    input.probability = firingProbability(spec, group, constants);
    input.weight = checkedWeight(spec, group, variable);
    if (input.range.size != group.size) // on a subgroup, N is the subgroup's size (Brian2)
        input.weight = replaceNames(input.weight, [&](const std::string& name) -> ExprPtr {
            return name == "N" ? makeNumber(static_cast<double>(input.range.size), true) : nullptr;
        });
    return input;
}

} // namespace spikestudio
