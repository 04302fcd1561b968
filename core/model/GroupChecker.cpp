#include "model/GroupChecker.h"

#include "diagnostics/SizeText.h"
#include "equations/EquationParser.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/AssignmentChecker.h"
#include "model/CheckSupport.h"
#include "model/CodeBlockChecker.h"
#include "model/EventChecker.h"
#include "model/GslOptionsChecker.h"
#include "model/ObjectKinds.h"
#include "model/ProblemCollector.h"
#include "model/TimedArrays.h"
#include "timing/TimeSteps.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <utility>

namespace spikestudio {

std::string whyNotWritable(const CheckedGroup& group, const std::string& name, bool allowConstant) {
    const Equation* eq = group.equations.find(name);
    if (!eq)
        return "'" + name + "' is not a variable of '" + group.name + "'";
    if (eq->kind == EquationKind::Subexpression && !eq->hasFlag("constant over dt"))
        return "'" + name + "' is a subexpression and cannot be assigned";
    if (eq->hasFlag("linked"))
        return "'" + name + "' is a linked variable of '" + group.name +
               "'; it reads its source's values and cannot be written";
    if (!allowConstant && eq->hasFlag("constant"))
        return "'" + name + "' is constant and cannot be changed by code";
    return "";
}

CodeBlockOwner codeOwner(const CheckedGroup& group) {
    return {group.scope.get(), [&group](const std::string& name) {
                // Code may write a linked variable: Brian2 writes its source's
                // element (checkLinkedWrites checks each reaches its own).
                const Equation* eq = group.equations.find(name);
                if (eq && eq->hasFlag("linked"))
                    return std::string();
                return whyNotWritable(group, name, false);
            }};
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
        if ((eq.kind != EquationKind::Subexpression || eq.hasFlag("constant over dt")) &&
            !eq.hasFlag("linked")) // a linked variable reads its source's array
            group.stateVariables.push_back(eq.name);
    if (group.refractoryKind != RefractoryKind::None) {
        group.stateVariables.push_back("not_refractory");
        group.stateVariables.push_back("lastspike");
    }
}

class NeuronGroupChecker {
public:
    NeuronGroupChecker(const GroupSpec& spec, const Scope& constants, double defaultDt,
                       const NeuronGroupContext& context)
        : spec_(spec), constants_(constants), defaultDt_(defaultDt), context_(context) {}

    CheckedGroup run() {
        CheckedGroup group = startGroup(spec_, constants_, defaultDt_);
        group.refractoryKind =
            spec_.refractory.empty() ? RefractoryKind::None : RefractoryKind::Time; // refined below
        std::vector<Equation> equations =
            within(spec_.name, "equations", [&] { return parseEquations(spec_.equations); });
        expandLinkedSubexpressions(equations, context_.linkedSubexpressions);
        group.linkedSubexpressions = context_.linkedSubexpressions;
        buildEquations(group, std::move(equations), constants_, "equations");
        // Past the equations, each field is checked on its own: every problem
        // is reported. The state update needs the refractoriness it prepends.
        ProblemCollector problems;
        const bool refractory = problems.attempt([&] { checkRefractory(group); });
        problems.attempt([&] { checkThreshold(group); });
        problems.attempt([&] { checkReset(group); });
        problems.attempt([&] { checkEvents(spec_, group); });
        if (refractory)
            problems.attempt([&] { checkStateUpdate(group); });
        checkInitial(group, problems);
        problems.throwIfAny();
        collectState(group);
        addSolverCounts(group);
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
                refuseNegativeRefractory(expr, *group.scope);
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

    /// A refractory period known before the run must be a finite time of zero or
    /// more (one that depends on the neurons is evaluated every step, as in Brian2).
    void refuseNegativeRefractory(const ExprPtr& expr, const Scope& scope) const {
        const auto value = constantValue(expr, scope);
        if (value && !(*value >= 0.0 && std::isfinite(*value)))
            throw ModelError({"", "", 1, 1}, "the refractory period must be a finite time of "
                                             "zero or more, got " +
                                                 formatNumber(*value) + " s");
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
            for (Statement statement : checkCodeBlock(spec_.reset, codeOwner(group))) {
                statement.value = group.equations.substituteSubexpressions(statement.value);
                group.reset.push_back(statement);
            }
            return 0;
        });
    }

    /// Brian2 prepends the refractoriness update to the state update,
    /// `timestep(t - lastspike, dt) >= timestep(refractory, dt)`. The elapsed
    /// time is never negative and timestep() of the period is a whole number,
    /// so comparing the elapsed steps before they are truncated gives the same
    /// answer, with no conversion to int64 that a dt of 1e-16 s overflows (a
    /// neuron that never spiked has lastspike = -1e4 s, 1e20 steps back).
    /// With Brian2's legacy timing (2.1.2 and earlier), `(t - lastspike) >
    /// refractory`, the period written as Brian2 wrote it into that code: in
    /// seconds with six decimals (`'%f'`), so a period must be known before
    /// the run.
    void prependRefractoryUpdate(CheckedGroup& group) const {
        const ExprPtr notRefractory = makeName("not_refractory");
        ExprPtr value;
        if (group.refractoryKind == RefractoryKind::Time && context_.legacyRefractoryTiming) {
            value = makeCompare(CompareOp::Greater, makeName("t") - makeName("lastspike"),
                                makeNumber(legacyPeriod(group)));
        } else if (group.refractoryKind == RefractoryKind::Time) {
            const ExprPtr dt = makeName("dt");
            const ExprPtr elapsedSteps =
                (makeName("t") - makeName("lastspike") + makeNumber(0.001) * dt) / dt;
            value = makeCompare(CompareOp::GreaterEqual, elapsedSteps,
                                makeCall("timestep", {group.refractory, dt}));
        } else {
            value = makeLogical(LogicalOp::Or, notRefractory,
                                makeUnary(UnaryOp::Not, group.refractory));
        }
        group.stateUpdate.insert(group.stateUpdate.begin(), Assignment{"not_refractory", value});
    }

    double legacyPeriod(const CheckedGroup& group) const {
        const auto seconds = constantValue(group.refractory, *group.scope);
        if (!seconds)
            throw ModelError({spec_.name, "refractory", 0, 0},
                             "with legacy_refractory_timing the refractory period must be known "
                             "before the run (Brian2 2.1.2 wrote it into the code as a number)");
        // Python's '%f', correctly rounded either way, whatever the locale.
        char text[400];
        const auto written =
            std::to_chars(text, text + sizeof text, *seconds, std::chars_format::fixed, 6);
        double period = *seconds;
        if (written.ec == std::errc())
            std::from_chars(text, written.ptr, period);
        return period;
    }

    /// Brian2's `_step_count` and `_failed_steps` (save_step_count,
    /// save_failed_steps): what the GSL solver took over each element's last
    /// step, integers a StateMonitor may record.
    static void addSolverCounts(CheckedGroup& group) {
        const auto add = [&](bool wanted, const char* name) {
            if (!wanted)
                return;
            group.scope->define(name, Symbol{SymbolKind::PerElement, Dimension::dimensionless(),
                                             ValueType::Integer, 0.0});
            group.stateVariables.push_back(name);
        };
        add(group.gsl.saveStepCount, "_step_count");
        add(group.gsl.saveFailedSteps, "_failed_steps");
    }

    void checkStateUpdate(CheckedGroup& group) const {
        within(spec_.name, "method", [&] {
            group.method = chooseMethod(spec_.method, group.equations, *group.scope);
            group.stateUpdate = integrate(group.equations, group.method, *group.scope);
            return 0;
        });
        within(spec_.name, "method_options", [&] {
            group.gsl =
                checkGslOptions(spec_.methodOptions, group.method, group.equations, *group.scope);
            return 0;
        });
        if (group.refractoryKind != RefractoryKind::None)
            prependRefractoryUpdate(group);
        for (const Equation& eq : group.equations.equations())
            if (eq.hasFlag("constant over dt"))
                group.constantOverDt.push_back(
                    Assignment{eq.name, group.equations.substituteSubexpressions(eq.expr)});
    }

    void checkInitial(CheckedGroup& group, ProblemCollector& problems) const {
        // Named references, not a structured binding: clang 14 (the fuzz build)
        // cannot capture bindings in a lambda.
        for (const auto& entry : spec_.initial) {
            const std::string& target = entry.first;
            const std::string& text = entry.second;
            problems.attempt([&] { checkInitialValue(group, target, text); });
        }
        const AssignmentOwner owner = groupAssignmentOwner(group);
        for (size_t k = 0; k < spec_.assignments.size(); ++k)
            problems.attempt([&] {
                group.assignments.push_back(checkAssignment(spec_.assignments[k], k, owner));
            });
    }

    void checkInitialValue(CheckedGroup& group, const std::string& target,
                           const std::string& text) const {
        within(spec_.name, "initial." + target, [&] {
            Statement statement = assignment(target, parseExpression(text));
            checkAssignment(group, statement, true);
            statement.value = group.equations.substituteSubexpressions(statement.value);
            refuseTimedArrayCalls(statement.value, *group.scope);
            group.initial.push_back(statement);
            return 0;
        });
    }

    const GroupSpec& spec_;
    const Scope& constants_;
    double defaultDt_;
    const NeuronGroupContext& context_;
};

/// A firing rate must be a finite rate of zero or more.
void refuseNegativeRate(const GroupSpec& spec, std::optional<double> rate) {
    if (rate && !(*rate >= 0.0 && std::isfinite(*rate)))
        throw ModelError({spec.name, "rates", 0, 0},
                         "the rates must be finite and zero or more, got " + formatNumber(*rate) +
                             " Hz");
}

/// A time in a SpikeGeneratorGroup must be a step count a clock can hold.
double countableTime(const GroupSpec& spec, const std::string& text, const Scope& constants,
                     const std::string& field, double dt) {
    const double time = positiveTime(text, constants, spec.name, field, true);
    if (!stepsFor(time, dt))
        throw ModelError({spec.name, field, 0, 0}, formatNumber(time) + " s is " +
                                                       formatCount(time / dt) + " time steps of " +
                                                       formatNumber(dt) +
                                                       " s, more than the 2^62 a clock can count");
    return time;
}

} // namespace

/// Brian2's PoissonGroup: `rates` is a parameter when it is a plain rate and a
/// subexpression when it depends on i or t; threshold `rand() < rates*dt`.
CheckedGroup checkPoissonGroup(const GroupSpec& spec, const Scope& constants, double defaultDt) {
    CheckedGroup group = startGroup(spec, constants, defaultDt);
    const ExprPtr rates = within(spec.name, "rates", [&] { return parseExpression(spec.rates); });
    Scope probe(&constants);
    probe.define("i", Symbol{SymbolKind::PerElement, Dimension(), ValueType::Integer, 0.0});
    probe.define("t", Symbol{SymbolKind::Shared, Dimension::second(), ValueType::Float, 0.0});
    probe.define("dt", Symbol{SymbolKind::Shared, Dimension::second(), ValueType::Float, group.dt});
    const ValueInfo info =
        within(spec.name, "rates", [&] { return checkDimensions(rates, probe); });
    if (info.dim != Dimension::hertz())
        throw ModelError({spec.name, "rates", 1, 1},
                         "DimensionMismatchError: rates '" + spec.rates +
                             "' must be a rate (Hz), but has unit " + displayUnit(info.dim));
    const std::set<std::string> used = collectNames(rates);
    const bool varies =
        used.count("i") || used.count("t") || used.count("dt") || drawsRandomNumbers(rates);
    Equation equation;
    equation.kind = varies ? EquationKind::Subexpression : EquationKind::Parameter;
    equation.name = "rates";
    equation.expr = varies ? rates : nullptr;
    equation.unit = UnitDeclaration{Dimension::hertz(), ValueType::Float};
    buildEquations(group, {equation}, constants, "rates");
    if (!varies) {
        refuseNegativeRate(spec, constantValue(rates, constants));
        group.initial.push_back(assignment("rates", rates));
    }
    group.threshold = group.equations.substituteSubexpressions(
        makeCompare(CompareOp::Less, makeCall("rand", {}), makeName("rates") * makeName("dt")));
    collectState(group);
    return group;
}

namespace {

/// The index of a neuron given two spikes in one time step, or -1.
long long neuronSpikingTwiceInAStep(const std::vector<long long>& indices,
                                    const std::vector<double>& times, double dt) {
    std::set<std::pair<std::int64_t, long long>> seen;
    for (size_t k = 0; k < indices.size(); ++k)
        if (!seen.emplace(spikeStepOf(times[k], dt), indices[k]).second)
            return indices[k];
    return -1;
}

} // namespace

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
            countableTime(spec, spec.spikeTimes[k], constants, field, group.dt));
        group.spikeIndices.push_back(index);
    }
    const long long twice =
        neuronSpikingTwiceInAStep(group.spikeIndices, group.spikeTimes, group.dt);
    if (twice >= 0)
        throw ModelError({spec.name, "times", 0, 0}, "using a dt of " + formatNumber(group.dt) +
                                                         " s, neuron " + std::to_string(twice) +
                                                         " spikes more than once in one time step");
    if (!spec.period.empty()) {
        group.period = countableTime(spec, spec.period, constants, "period", group.dt);
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

IntegrationMethod chooseMethod(const std::string& name, const EquationSet& equations,
                               const Scope& scope) {
    if (name.empty())
        return chooseIntegrationMethod(equations, scope);
    const auto method = integrationMethodFromName(name);
    if (!method)
        throw ModelError({"", "", 0, 0}, "unknown integration method '" + name + "' (" +
                                             integrationMethodNames() + ")");
    return *method;
}

CheckedGroup checkNeuronGroup(const GroupSpec& spec, const Scope& constants, double defaultDt) {
    return NeuronGroupChecker(spec, constants, defaultDt, {}).run();
}

CheckedGroup checkNeuronGroup(const GroupSpec& spec, const Scope& constants, double defaultDt,
                              const NeuronGroupContext& context) {
    return NeuronGroupChecker(spec, constants, defaultDt, context).run();
}

CheckedGroup checkGroup(const GroupSpec& spec, const Scope& constants, double defaultDt) {
    return ObjectKinds::of(spec.type).check(spec, constants, defaultDt);
}

AssignmentOwner groupAssignmentOwner(const CheckedGroup& group) {
    AssignmentOwner owner;
    owner.object = group.name;
    owner.elements = "neurons";
    owner.scope = group.scope.get();
    owner.size = group.size;
    owner.requireWritable = [&group](const std::string& variable) {
        const std::string why = whyNotWritable(group, variable, true);
        if (!why.empty())
            throw ModelError({"", "", 0, 0}, why);
    };
    owner.resolve = [&group](const ExprPtr& expr) {
        return group.equations.substituteSubexpressions(expr);
    };
    return owner;
}

} // namespace spikestudio
