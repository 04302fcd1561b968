#include "diagnostics/ModelError.h"
#include "equations/EquationParser.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckedModel.h"
#include "model/NameRules.h"
#include "runtime/RandomGenerator.h"

#include <set>

namespace spikestudio {

namespace {

/// Runs `body`, and files any ModelError it throws under `object`/`field`.
template <typename Body>
auto within(const std::string& object, const std::string& field, Body body) {
    try {
        return body();
    } catch (const ModelError& error) {
        throw error.locatedIn(object, field);
    }
}

double positiveTime(const std::string& text, const Scope& scope, const std::string& object,
                    const std::string& field, bool allowZero) {
    return within(object, field, [&] {
        const ExprPtr expr = parseExpression(text);
        const Quantity q = evaluateQuantity(expr, scope);
        if (q.dim != Dimension::second())
            throw ModelError({"", "", 1, 1}, "DimensionMismatchError: '" + text +
                                                 "' must be a time, but has unit " +
                                                 displayUnit(q.dim));
        if (!(q.value > 0.0 || (allowZero && q.value == 0.0)) || !std::isfinite(q.value))
            throw ModelError({"", "", 1, 1}, "'" + text + "' must be a " +
                                                 (allowZero ? "non-negative" : "positive") +
                                                 " finite time");
        return q.value;
    });
}

std::unique_ptr<Scope> checkConstants(const NamedExpressions& constants) {
    auto scope = std::make_unique<Scope>();
    for (const auto& [name, text] : constants) {
        requireValidName(name, "constants", name);
        if (scope->definesLocally(name))
            throw ModelError({"constants", name, 0, 0}, "'" + name + "' is defined twice");
        const Quantity value = within(
            "constants", name, [&] { return evaluateQuantity(parseExpression(text), *scope); });
        scope->define(name, Symbol{SymbolKind::Constant, value.dim, ValueType::Float, value.value});
    }
    return scope;
}

/// Why `name` cannot be written by reset or initial code of `group`, or "".
std::string whyNotWritable(const CheckedGroup& group, const std::string& name) {
    const Equation* eq = group.equations.find(name);
    if (!eq)
        return "'" + name + "' is not a variable of the group";
    if (eq->kind == EquationKind::Subexpression && !eq->hasFlag("constant over dt"))
        return "'" + name + "' is a subexpression and cannot be assigned";
    return "";
}

void checkAssignment(const CheckedGroup& group, const Statement& statement, bool allowConstant) {
    const std::string why = whyNotWritable(group, statement.target);
    if (!why.empty())
        throw ModelError({"", "", statement.position.line, statement.position.column}, why);
    const Equation* target = group.equations.find(statement.target);
    if (!allowConstant && target->hasFlag("constant"))
        throw ModelError({"", "", statement.position.line, statement.position.column},
                         "'" + statement.target + "' is constant and cannot be changed by code");
    const ExprPtr value = statement.expandedValue();
    if (target->isBoolean()) {
        requireBoolean(value, *group.scope, "The value assigned to '" + statement.target + "'");
        return;
    }
    const ValueInfo info = checkDimensions(value, *group.scope);
    if (info.dim != target->unit.dim)
        throw ModelError({"", "", statement.value->position.line, statement.value->position.column},
                         "DimensionMismatchError: the expression '" + toText(statement.value) +
                             "' assigned to '" + statement.target + "' has unit " +
                             displayUnit(info.dim) + ", but '" + statement.target + "' has unit " +
                             displayUnit(target->unit.dim));
}

class GroupChecker {
public:
    GroupChecker(const NeuronGroupSpec& spec, const Scope& constants, double defaultDt)
        : spec_(spec), constants_(constants), defaultDt_(defaultDt) {}

    CheckedGroup run() {
        CheckedGroup group;
        group.name = spec_.name;
        group.size = spec_.size;
        group.dt = spec_.dt.empty() ? defaultDt_
                                    : positiveTime(spec_.dt, constants_, spec_.name, "dt", false);
        group.refractoryKind =
            spec_.refractory.empty() ? RefractoryKind::None : RefractoryKind::Time; // refined below
        EquationContext context{EquationOwner::NeuronGroup, spec_.size,
                                group.refractoryKind != RefractoryKind::None};
        group.equations = within(spec_.name, "equations", [&] {
            return EquationSet::build(parseEquations(spec_.equations), context, constants_);
        });
        group.scope = std::make_unique<Scope>(group.equations.variableScope(constants_));
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

    static Statement assignment(const std::string& target, ExprPtr value) {
        return Statement{target, AssignOp::Assign, std::move(value), {}};
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
            if (spec_.method.empty()) {
                group.method = chooseIntegrationMethod(group.equations, *group.scope);
            } else {
                const auto method = integrationMethodFromName(spec_.method);
                if (!method)
                    throw ModelError({"", "", 0, 0},
                                     "unknown integration method '" + spec_.method +
                                         "' (exact, linear, euler, rk2, rk4, exponential_euler, "
                                         "heun, milstein)");
                group.method = *method;
            }
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
        for (const auto& [target, text] : spec_.initial) {
            within(spec_.name, "initial." + target, [&] {
                Statement statement = assignment(target, parseExpression(text));
                checkAssignment(group, statement, true);
                statement.value = group.equations.substituteSubexpressions(statement.value);
                group.initial.push_back(statement);
                return 0;
            });
        }
    }

    static void collectState(CheckedGroup& group) {
        for (const Equation& eq : group.equations.equations())
            if (eq.kind != EquationKind::Subexpression || eq.hasFlag("constant over dt"))
                group.stateVariables.push_back(eq.name);
        if (group.refractoryKind != RefractoryKind::None) {
            group.stateVariables.push_back("not_refractory");
            group.stateVariables.push_back("lastspike");
        }
    }

    const NeuronGroupSpec& spec_;
    const Scope& constants_;
    double defaultDt_;
};

CheckedMonitor checkMonitor(const MonitorSpec& spec, const std::vector<CheckedGroup>& groups) {
    CheckedMonitor monitor;
    monitor.spec = &spec;
    size_t found = groups.size();
    for (size_t k = 0; k < groups.size(); ++k)
        if (groups[k].name == spec.source)
            found = k;
    if (found == groups.size())
        throw ModelError({spec.name, "source", 0, 0}, "unknown source '" + spec.source + "'");
    monitor.group = found;
    const CheckedGroup& group = groups[found];
    monitor.dt =
        spec.dt.empty() ? group.dt : positiveTime(spec.dt, *group.scope, spec.name, "dt", false);
    if (spec.type != MonitorType::State)
        return monitor;
    for (const std::string& variable : spec.variables) {
        const Equation* eq = group.equations.find(variable);
        if (!eq)
            throw ModelError({spec.name, "variables", 0, 0},
                             "'" + variable + "' is not a variable of '" + group.name + "'");
        monitor.variables.push_back(group.equations.substituteSubexpressions(makeName(variable)));
        monitor.dimensions.push_back(eq->unit.dim);
    }
    if (spec.recordAll) {
        for (long long k = 0; k < group.size; ++k)
            monitor.indices.push_back(k);
    }
    for (long long index : spec.record) {
        if (index >= group.size)
            throw ModelError({spec.name, "record", 0, 0},
                             "index " + std::to_string(index) + " is out of range for '" +
                                 group.name + "' of size " + std::to_string(group.size));
        monitor.indices.push_back(index);
    }
    return monitor;
}

void checkUniqueObjectNames(const Model& model) {
    std::set<std::string> names;
    auto claim = [&names](const std::string& name, const std::string& kind) {
        requireValidName(name, name, "name");
        if (!names.insert(name).second)
            throw ModelError({name, "name", 0, 0}, "another " + kind +
                                                       " or object is already "
                                                       "called '" +
                                                       name + "'");
    };
    for (const NeuronGroupSpec& group : model.groups)
        claim(group.name, "group");
    for (const MonitorSpec& monitor : model.monitors)
        claim(monitor.name, "monitor");
}

} // namespace

CheckedModel checkModel(Model model, const CheckOptions& options) {
    CheckedModel checked;
    checked.model = std::move(model);
    const Model& m = checked.model;
    checkUniqueObjectNames(m);
    checked.constants = checkConstants(m.constants);
    checked.dt = positiveTime(m.dt, *checked.constants, "model", "dt", false);
    const std::string duration = options.duration.value_or(m.duration);
    if (duration.empty())
        throw ModelError({"model", "duration", 0, 0}, "missing field 'duration'");
    checked.duration = positiveTime(duration, *checked.constants, "model", "duration", true);
    checked.seed = options.seed ? *options.seed : (m.seed ? *m.seed : RandomGenerator::freshSeed());
    for (const NeuronGroupSpec& spec : m.groups)
        checked.groups.push_back(GroupChecker(spec, *checked.constants, checked.dt).run());
    for (const MonitorSpec& spec : m.monitors)
        checked.monitors.push_back(checkMonitor(spec, checked.groups));
    return checked;
}

} // namespace spikestudio
