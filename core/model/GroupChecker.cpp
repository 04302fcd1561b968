#include "model/GroupChecker.h"

#include "equations/EquationParser.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/TimedArrays.h"
#include "runtime/SpikeGenerator.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

std::string whyNotWritable(const CheckedGroup& group, const std::string& name, bool allowConstant) {
    const Equation* eq = group.equations.find(name);
    if (!eq)
        return "'" + name + "' is not a variable of '" + group.name + "'";
    if (eq->kind == EquationKind::Subexpression && !eq->hasFlag("constant over dt"))
        return "'" + name + "' is a subexpression and cannot be assigned";
    if (!allowConstant && eq->hasFlag("constant"))
        return "'" + name + "' is constant and cannot be changed by code";
    return "";
}

namespace {

void checkAssignment(const CheckedGroup& group, const Statement& statement, bool allowConstant) {
    const std::string why = whyNotWritable(group, statement.target, allowConstant);
    if (!why.empty())
        throw ModelError({"", "", statement.position.line, statement.position.column}, why);
    checkAssignedValue(statement, statement.expandedValue(), *group.scope->lookup(statement.target),
                       *group.scope);
}

Statement assignment(const std::string& target, ExprPtr value) {
    return Statement{target, AssignOp::Assign, std::move(value), {}};
}

/// The parts every group type shares: name, N, dt, and scope from equations.
CheckedGroup startGroup(const GroupSpec& spec, const Scope& constants, double defaultDt) {
    CheckedGroup group;
    group.name = spec.name;
    group.type = spec.type;
    group.size = spec.size;
    group.dt =
        spec.dt.empty() ? defaultDt : positiveTime(spec.dt, constants, spec.name, "dt", false);
    return group;
}

void buildEquations(CheckedGroup& group, std::vector<Equation> equations, const Scope& constants,
                    const std::string& field) {
    EquationContext context{EquationOwner::NeuronGroup, group.size,
                            group.refractoryKind != RefractoryKind::None};
    group.equations = within(group.name, field, [&] {
        return EquationSet::build(std::move(equations), context, constants);
    });
    group.scope = std::make_unique<Scope>(group.equations.variableScope(constants));
    defineTimedArraysFor(*group.scope, constants, group.dt);
}

void collectState(CheckedGroup& group) {
    for (const Equation& eq : group.equations.equations())
        if (eq.kind != EquationKind::Subexpression || eq.hasFlag("constant over dt"))
            group.stateVariables.push_back(eq.name);
    if (group.refractoryKind != RefractoryKind::None) {
        group.stateVariables.push_back("not_refractory");
        group.stateVariables.push_back("lastspike");
    }
}

class NeuronGroupChecker {
public:
    NeuronGroupChecker(const GroupSpec& spec, const Scope& constants, double defaultDt)
        : spec_(spec), constants_(constants), defaultDt_(defaultDt) {}

    CheckedGroup run() {
        CheckedGroup group = startGroup(spec_, constants_, defaultDt_);
        group.refractoryKind =
            spec_.refractory.empty() ? RefractoryKind::None : RefractoryKind::Time; // refined below
        buildEquations(
            group, within(spec_.name, "equations", [&] { return parseEquations(spec_.equations); }),
            constants_, "equations");
        checkRefractory(group);
        checkThreshold(group);
        checkReset(group);
        checkStateUpdate(group);
        checkInitial(group);
        collectState(group);
        return group;
    }

private:
    void checkRefractory(CheckedGroup& group) const {
        if (spec_.refractory.empty())
            return;
        within(spec_.name, "refractory", [&] {
            const ExprPtr expr = parseExpression(spec_.refractory);
            const ValueInfo info = checkDimensions(expr, *group.scope);
            if (info.isBoolean()) {
                group.refractoryKind = RefractoryKind::Condition;
            } else if (info.dim == Dimension::second()) {
                group.refractoryKind = RefractoryKind::Time;
            } else {
                throw ModelError({"", "", 1, 1},
                                 "refractory '" + spec_.refractory +
                                     "' must be a time or a boolean condition, but has unit " +
                                     displayUnit(info.dim));
            }
            group.refractory = group.equations.substituteSubexpressions(expr);
            return 0;
        });
    }

    void checkThreshold(CheckedGroup& group) const {
        if (spec_.threshold.empty()) {
            if (!spec_.reset.empty())
                throw ModelError({spec_.name, "reset", 0, 0},
                                 "a reset needs a threshold to trigger it");
            return;
        }
        within(spec_.name, "threshold", [&] {
            const ExprPtr expr = parseExpression(spec_.threshold);
            requireBoolean(expr, *group.scope, "The threshold condition");
            group.threshold = group.equations.substituteSubexpressions(expr);
            return 0;
        });
    }

    void checkReset(CheckedGroup& group) const {
        within(spec_.name, "reset", [&] {
            for (Statement statement : parseStatements(spec_.reset)) {
                checkAssignment(group, statement, false);
                statement.value = group.equations.substituteSubexpressions(statement.value);
                group.reset.push_back(statement);
            }
            return 0;
        });
    }

    /// Brian2 prepends the refractoriness update to the state update.
    static void prependRefractoryUpdate(CheckedGroup& group) {
        const ExprPtr notRefractory = makeName("not_refractory");
        ExprPtr value;
        if (group.refractoryKind == RefractoryKind::Time) {
            const ExprPtr dt = makeName("dt");
            value = makeCompare(CompareOp::GreaterEqual,
                                makeCall("timestep", {makeName("t") - makeName("lastspike"), dt}),
                                makeCall("timestep", {group.refractory, dt}));
        } else {
            value = makeLogical(LogicalOp::Or, notRefractory,
                                makeUnary(UnaryOp::Not, group.refractory));
        }
        group.stateUpdate.insert(group.stateUpdate.begin(), Assignment{"not_refractory", value});
    }

    void checkStateUpdate(CheckedGroup& group) const {
        within(spec_.name, "method", [&] {
            group.method = chooseMethod(spec_.method, group.equations, *group.scope);
            group.stateUpdate = integrate(group.equations, group.method, *group.scope);
            return 0;
        });
        if (group.refractoryKind != RefractoryKind::None)
            prependRefractoryUpdate(group);
        for (const Equation& eq : group.equations.equations())
            if (eq.hasFlag("constant over dt"))
                group.constantOverDt.push_back(
                    Assignment{eq.name, group.equations.substituteSubexpressions(eq.expr)});
    }

    void checkInitial(CheckedGroup& group) const {
        // Named references, not a structured binding: clang 14 (the fuzz build)
        // cannot capture bindings in a lambda.
        for (const auto& entry : spec_.initial) {
            const std::string& target = entry.first;
            const std::string& text = entry.second;
            within(spec_.name, "initial." + target, [&] {
                Statement statement = assignment(target, parseExpression(text));
                checkAssignment(group, statement, true);
                statement.value = group.equations.substituteSubexpressions(statement.value);
                refuseTimedArrayCalls(statement.value, *group.scope);
                group.initial.push_back(statement);
                return 0;
            });
        }
    }

    const GroupSpec& spec_;
    const Scope& constants_;
    double defaultDt_;
};

/// Brian2's PoissonGroup: `rates` is a parameter when it is a plain rate and a
/// subexpression when it depends on i or t; threshold `rand() < rates*dt`.
CheckedGroup checkPoissonGroup(const GroupSpec& spec, const Scope& constants, double defaultDt) {
    CheckedGroup group = startGroup(spec, constants, defaultDt);
    const ExprPtr rates = within(spec.name, "rates", [&] { return parseExpression(spec.rates); });
    Scope probe(&constants);
    probe.define("i", Symbol{SymbolKind::PerElement, Dimension(), ValueType::Integer, 0.0});
    probe.define("t", Symbol{SymbolKind::Shared, Dimension::second(), ValueType::Float, 0.0});
    const ValueInfo info =
        within(spec.name, "rates", [&] { return checkDimensions(rates, probe); });
    if (info.dim != Dimension::hertz())
        throw ModelError({spec.name, "rates", 1, 1},
                         "DimensionMismatchError: rates '" + spec.rates +
                             "' must be a rate (Hz), but has unit " + displayUnit(info.dim));
    const std::set<std::string> used = collectNames(rates);
    const bool varies = used.count("i") || used.count("t") || drawsRandomNumbers(rates);
    Equation equation;
    equation.kind = varies ? EquationKind::Subexpression : EquationKind::Parameter;
    equation.name = "rates";
    equation.expr = varies ? rates : nullptr;
    equation.unit = UnitDeclaration{Dimension::hertz(), ValueType::Float};
    buildEquations(group, {equation}, constants, "rates");
    if (!varies)
        group.initial.push_back(assignment("rates", rates));
    group.threshold = group.equations.substituteSubexpressions(
        makeCompare(CompareOp::Less, makeCall("rand", {}), makeName("rates") * makeName("dt")));
    collectState(group);
    return group;
}

/// Brian2's SpikeGeneratorGroup: spikes sorted by time, binned to steps of dt.
CheckedGroup checkSpikeGeneratorGroup(const GroupSpec& spec, const Scope& constants,
                                      double defaultDt) {
    CheckedGroup group = startGroup(spec, constants, defaultDt);
    buildEquations(group, {}, constants, "equations");
    for (size_t k = 0; k < spec.spikeIndices.size(); ++k) {
        const long long index = spec.spikeIndices[k];
        if (index < 0 || index >= spec.size)
            throw ModelError({spec.name, "indices", 0, 0},
                             "index " + std::to_string(index) +
                                 " is outside the group (N = " + std::to_string(spec.size) + ")");
        const std::string field = "times[" + std::to_string(k) + "]";
        group.spikeTimes.push_back(
            positiveTime(spec.spikeTimes[k], constants, spec.name, field, true));
        group.spikeIndices.push_back(index);
    }
    const long long twice =
        SpikeGenerator::neuronSpikingTwiceInABin(group.spikeIndices, group.spikeTimes, group.dt);
    if (twice >= 0)
        throw ModelError({spec.name, "times", 0, 0}, "using a dt of " + formatNumber(group.dt) +
                                                         " s, neuron " + std::to_string(twice) +
                                                         " spikes more than once in one time step");
    if (!spec.period.empty()) {
        group.period = positiveTime(spec.period, constants, spec.name, "period", true);
        const double steps = group.period / group.dt;
        if (group.period > 0 && std::abs(steps - std::round(steps)) > 1e-4 * steps)
            throw ModelError({spec.name, "period", 0, 0}, "the period must be a multiple of dt");
        for (double time : group.spikeTimes)
            if (group.period > 0 && time >= group.period)
                throw ModelError({spec.name, "period", 0, 0},
                                 "every spike time must be shorter than the period");
    }
    return group;
}

} // namespace

IntegrationMethod chooseMethod(const std::string& name, const EquationSet& equations,
                               const Scope& scope) {
    if (name.empty())
        return chooseIntegrationMethod(equations, scope);
    const auto method = integrationMethodFromName(name);
    if (!method)
        throw ModelError({"", "", 0, 0}, "unknown integration method '" + name +
                                             "' (exact, linear, euler, rk2, rk4, "
                                             "exponential_euler, heun, milstein)");
    return *method;
}

CheckedGroup checkGroup(const GroupSpec& spec, const Scope& constants, double defaultDt) {
    switch (spec.type) {
    case GroupType::PoissonGroup:
        return checkPoissonGroup(spec, constants, defaultDt);
    case GroupType::SpikeGeneratorGroup:
        return checkSpikeGeneratorGroup(spec, constants, defaultDt);
    case GroupType::NeuronGroup:
        break;
    }
    return NeuronGroupChecker(spec, constants, defaultDt).run();
}

} // namespace spikestudio
