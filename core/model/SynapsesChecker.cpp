#include "model/SynapsesChecker.h"

#include "equations/EquationParser.h"
#include "equations/NameRules.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/Parser.h"
#include "expr/PathwayDelayName.h"
#include "model/AssignmentChecker.h"
#include "model/CheckSupport.h"
#include "model/CodeBlockChecker.h"
#include "model/ConnectChecker.h"
#include "model/GroupChecker.h"
#include "model/NumpyElementLoop.h"
#include "model/PathwayPlan.h"
#include "model/RunRegularlyChecker.h"
#include "model/Subgroups.h"
#include "model/SynapsesTarget.h"
#include "model/SynapticNames.h"
#include "model/TimedArrays.h"

#include <algorithm>
#include <memory>

namespace spikestudio {

namespace {

GroupSlice findGroup(const std::vector<CheckedGroup>& groups, const std::string& name,
                     const std::string& object, const std::string& field) {
    if (const auto slice = findGroupSlice(groups, name))
        return *slice;
    throw ModelError({object, field, 0, 0}, "unknown " + field + " group '" + name + "'");
}

bool isEventDriven(const Equation& eq) {
    return eq.kind == EquationKind::Differential && eq.hasFlag("event-driven");
}

/// The equations one kind of update needs: its differential equations plus
/// every parameter and (non-summed) subexpression.
std::vector<Equation> updateSubset(const EquationSet& all, bool eventDriven) {
    std::vector<Equation> subset;
    for (const Equation& eq : all.equations()) {
        if (eq.hasFlag("summed"))
            continue;
        if (eq.kind != EquationKind::Differential || isEventDriven(eq) == eventDriven)
            subset.push_back(eq);
    }
    return subset;
}

bool hasDifferential(const std::vector<Equation>& equations) {
    for (const Equation& eq : equations)
        if (eq.kind == EquationKind::Differential)
            return true;
    return false;
}

class SynapsesChecker {
public:
    SynapsesChecker(const SynapsesSpec& spec, const SynapsesContext& context)
        : spec_(spec), groups_(context.groups), constants_(context.constants),
          defaultDt_(context.defaultDt), context_(context) {}

    CheckedSynapses run() {
        CheckedSynapses s;
        s.name = spec_.name;
        findEnd(s, SynapseSide::Pre);
        findEnd(s, SynapseSide::Post);
        s.dt = spec_.dt.empty() ? defaultDt_
                                : positiveTime(spec_.dt, constants_, spec_.name, "dt", false);
        names_.emplace(sourceGroupOf(groups_, s), targetGroupOf(groups_, s), s.sourceRange.size,
                       s.targetRange.size);
        checkEquations(s);
        checkSummed(s);
        checkClockDriven(s);
        const AbstractCode eventDriven = checkEventDriven(s);
        const std::vector<PathwayPlan> plans =
            planPathways(spec_, sourceGroupOf(groups_, s), targetGroupOf(groups_, s), s.equations);
        for (const PathwayPlan& plan : plans)
            checkPathway(s, plan, eventDriven);
        checkConnectCall(s, spec_.connect, 0);
        for (size_t k = 0; k < spec_.laterConnects.size(); ++k)
            checkConnectCall(s, spec_.laterConnects[k], k + 1);
        s.multisynapticIndex = spec_.multisynapticIndex;
        checkDelays(s, plans);
        checkInitial(s);
        checkRunRegularly(s);
        collectState(s, !eventDriven.empty());
        collectConstantOverDt(s);
        return s;
    }

private:
    /// A group (or subgroup), or a Synapses object made before this one:
    /// Brian2's synapses acting on synapses (target; N_post is then their
    /// count) or reading them (source; N_pre is, and they send no events).
    void findEnd(CheckedSynapses& s, SynapseSide side) const {
        const bool post = side == SynapseSide::Post;
        const std::string& name = post ? spec_.target : spec_.source;
        const char* field = post ? "target" : "source";
        if (!namedSynapses(context_.specs, context_.index, side)) {
            const GroupSlice slice = findGroup(groups_, name, spec_.name, field);
            (post ? s.target : s.source) = slice.group;
            (post ? s.targetRange : s.sourceRange) = slice.range;
            return;
        }
        const size_t k = checkedSynapsesNamed(name, field);
        (post ? s.targetSynapses : s.sourceSynapses) = k;
        (post ? s.targetFace : s.sourceFace) = synapsesFace(context_.synapses[k], constants_);
    }

    /// The place among the Synapses objects checked so far of the one called `name`.
    size_t checkedSynapsesNamed(const std::string& name, const char* field) const {
        for (size_t k = 0; k < context_.synapses.size(); ++k)
            if (context_.synapses[k].name == name)
                return k;
        throw ModelError({spec_.name, field, 0, 0},
                         std::string("unknown ") + field + " Synapses object '" + name + "'");
    }

    /// Connect call `k` (0 is `connect` itself, or the first of its list).
    void checkConnectCall(CheckedSynapses& s, const ConnectSpec& call, size_t k) const {
        const std::string field = connectCallField(k, !spec_.laterConnects.empty());
        try {
            s.connects.push_back(within(spec_.name, "connect", [&] {
                CheckedConnect connect = checkConnect(call, *names_, constants_, s.equations);
                for (const ExprPtr& expr :
                     {connect.element, connect.low, connect.high, connect.step, connect.probability,
                      connect.size, connect.condition, connect.multiplicity,
                      connect.arrayProbability})
                    refuseTimedArrayCalls(expr, constants_);
                return connect;
            }));
        } catch (const ModelError& error) {
            throw inConnectCall(error, field);
        }
    }

    /// Resolves group subexpressions after the synapses' own were substituted.
    ExprPtr resolved(const CheckedSynapses& s, const ExprPtr& expr) const {
        return names_->substituteGroupSubexpressions(s.equations.substituteSubexpressions(expr),
                                                     s.equations);
    }

    /// Event-driven equations integrate over `t - lastupdate`, a variable
    /// Brian2 adds itself; without them the name is the model's to use.
    void refuseOwnLastupdate(const std::vector<Equation>& equations) const {
        for (const Equation& eq : equations)
            if (eq.name == "lastupdate")
                throw ModelError({spec_.name, "model", eq.position.line, eq.position.column},
                                 "'lastupdate' is a name Brian2 reserves in Synapses with "
                                 "event-driven equations (it holds the time of the last update)");
    }

    void checkEquations(CheckedSynapses& s) {
        std::vector<Equation> equations =
            within(spec_.name, "model", [&] { return parseEquations(spec_.model); });
        addMultisynapticIndex(equations);
        bool eventDriven = false;
        for (const Equation& eq : equations)
            eventDriven = eventDriven || isEventDriven(eq);
        if (eventDriven)
            refuseOwnLastupdate(equations);
        s.outerScope = names_->outerScope(constants_, eventDriven);
        EquationContext context{EquationOwner::Synapses, 1, false};
        s.equations = within(spec_.name, "model", [&] {
            try {
                return EquationSet::build(std::move(equations), context, *s.outerScope);
            } catch (const ModelError& error) { // EquationSet names its text 'equations'
                SourceLocation at = error.where();
                if (at.field == "equations")
                    at.field = "model";
                throw ModelError(at, error.problem());
            }
        });
        s.scope = std::make_unique<Scope>(s.equations.variableScope(*s.outerScope));
        defineTimedArraysFor(*s.scope, constants_, s.dt);
        for (const Equation& eq : s.equations.equations())
            if (eq.hasFlag("event-driven") && eq.hasFlag("clock-driven"))
                throw ModelError({spec_.name, "model", eq.position.line, eq.position.column},
                                 "'" + eq.name + "' cannot be both event-driven and clock-driven");
    }

    /// Brian2 adds `name : integer` to the model for multisynaptic_index.
    void addMultisynapticIndex(std::vector<Equation>& equations) const {
        const std::string& name = spec_.multisynapticIndex;
        if (name.empty())
            return;
        within(spec_.name, "multisynaptic_index", [&] {
            if (const std::string why = whyNameIsRefused(name); !why.empty())
                throw ModelError({"", "", 0, 0}, why);
            for (const Equation& eq : equations)
                if (eq.name == name)
                    throw ModelError({"", "", 0, 0},
                                     "'" + name + "' is already a variable of '" + spec_.name +
                                         "' (Brian2 adds the multisynaptic index to the model)");
            std::vector<Equation> added = parseEquations(name + " : integer");
            if (added.size() != 1)
                throw ModelError({"", "", 0, 0}, "'" + name + "' is not a valid variable name");
            equations.push_back(std::move(added.front()));
            return 0;
        });
    }

    /// Whether a summed variable's value (its subexpressions substituted)
    /// reads the variable it writes: `y_post`, or bare `y` onto the target.
    bool readsWrittenVariable(const CheckedSynapses& s, const ExprPtr& value,
                              const GroupVariableRef& written) const {
        const std::set<std::string> names = collectNames(value);
        const std::string suffixed =
            written.variable + (written.side == SynapseSide::Pre ? "_pre" : "_post");
        const auto bare = names_->resolve(written.variable, s.equations);
        return names.count(suffixed) > 0 ||
               (names.count(written.variable) > 0 && bare && bare->side == written.side &&
                bare->variable == written.variable);
    }

    void checkSummed(CheckedSynapses& s) const {
        for (const Equation& eq : s.equations.equations()) {
            if (!eq.hasFlag("summed"))
                continue;
            const auto ref = names_->resolve(eq.name, EquationSet());
            const auto at = [&](const std::string& problem) {
                return ModelError({spec_.name, "model", eq.position.line, eq.position.column},
                                  problem);
            };
            if (!ref)
                throw at("the summed variable '" + eq.name +
                         "' does not name a variable of the source or target group");
            const CheckedGroup& group = names_->group(ref->side);
            const Equation* target = group.equations.find(ref->variable);
            if (!target || target->kind != EquationKind::Parameter || target->hasFlag("shared"))
                throw at("the summed variable '" + eq.name + "' must write a parameter of '" +
                         group.name + "' (declared as '" + ref->variable + " : unit')");
            if (target->unit.dim != eq.unit.dim)
                throw at("DimensionMismatchError: the summed variable '" + eq.name + "' has unit " +
                         displayUnit(eq.unit.dim) + ", but '" + ref->variable + "' of '" +
                         group.name + "' has unit " + displayUnit(target->unit.dim));
            ExprPtr value = resolved(s, eq.expr);
            if (readsWrittenVariable(s, value, *ref))
                throw at("the summed variable '" + eq.name + "' reads '" + ref->variable +
                         "' of '" + group.name +
                         "' (through a subexpression), the variable it sums into: Brian2's "
                         "numpy target reads the last step's sums there and its C++ targets "
                         "the sums under way; not supported");
            s.summed.push_back({ref->side, ref->variable, std::move(value)});
        }
    }

    EquationSet subset(const CheckedSynapses& s, bool eventDriven) const {
        EquationContext context{EquationOwner::Synapses, 1, false};
        return within(spec_.name, "model", [&] {
            return EquationSet::build(updateSubset(s.equations, eventDriven), context,
                                      *s.outerScope);
        });
    }

    void checkClockDriven(CheckedSynapses& s) const {
        if (!hasDifferential(updateSubset(s.equations, false)))
            return;
        const EquationSet clockDriven = subset(s, false);
        within(spec_.name, "method", [&] {
            s.method = chooseMethod(spec_.method, clockDriven, *s.scope);
            if (isGslMethod(s.method))
                throw ModelError({"", "", 0, 0}, "the GSL methods integrate the equations of "
                                                 "NeuronGroups only; a Synapses object's "
                                                 "clock-driven equations take another method");
            s.stateUpdate = integrate(clockDriven, s.method, *s.scope);
            return 0;
        });
        s.stateUpdate = rewriteExpressions(s.stateUpdate, [&](const ExprPtr& e) {
            return names_->substituteGroupSubexpressions(e, s.equations);
        });
    }

    /// Brian2 integrates event-driven equations exactly over t - lastupdate.
    AbstractCode checkEventDriven(const CheckedSynapses& s) const {
        if (!hasDifferential(updateSubset(s.equations, true)))
            return {};
        const EquationSet eventDriven = subset(s, true);
        AbstractCode code;
        try {
            code = integrate(eventDriven, IntegrationMethod::Exact, *s.scope);
        } catch (const ModelError& error) {
            throw ModelError({spec_.name, "model", 0, 0},
                             "cannot solve the differential equations as event-driven; use "
                             "(clock-driven) instead (" +
                                 error.problem() + ")");
        }
        const ExprPtr elapsed = makeName("t") - makeName("lastupdate");
        code = rewriteExpressions(code, [&](const ExprPtr& e) {
            return replaceNames(
                names_->substituteGroupSubexpressions(e, s.equations),
                [&](const std::string& n) { return n == "dt" ? elapsed : nullptr; });
        });
        for (AbstractStatement& statement : code)
            if (auto* update = std::get_if<LinearUpdate>(&statement))
                update->step = elapsed;
        return code;
    }

    std::string whyNotWritable(const CheckedSynapses& s, const std::string& name) const {
        if (const auto ref = names_->resolve(name, s.equations))
            return spikestudio::whyNotWritable(names_->group(ref->side), ref->variable, false);
        const Equation* eq = s.equations.find(name);
        if (name == "lastupdate" && s.scope->lookup(name))
            return "";
        if (!eq)
            return "'" + name + "' is not a variable of '" + spec_.name + "' or its groups";
        if (eq->kind == EquationKind::Subexpression)
            return "'" + name + "' is a subexpression and cannot be assigned";
        if (eq->hasFlag("constant"))
            return "'" + name + "' is constant and cannot be changed by code";
        return "";
    }

    /// Which names of `s`'s code several synapses share, as numpy sees them.
    SynapticIndexing indexingOf(const CheckedSynapses& s) const {
        const auto neuronShared = [this, &s](const std::string& name) {
            const auto ref = names_->resolve(name, s.equations);
            if (!ref)
                return false;
            const auto symbol = names_->group(ref->side).scope->lookup(ref->variable);
            return !(symbol && symbol->kind == SymbolKind::Shared);
        };
        const auto notOwn = [this, &s](const std::string& name) {
            if (names_->resolve(name, s.equations))
                return true;
            const Equation* eq = s.equations.find(name);
            return eq && eq->hasFlag("shared");
        };
        return {neuronShared, notOwn};
    }

    void checkPathway(CheckedSynapses& s, const PathwayPlan& plan,
                      const AbstractCode& eventDriven) const {
        CheckedPathway pathway{.name = plan.name,
                               .side = plan.side,
                               .event = plan.event,
                               .code = eventDriven,
                               .codeField = plan.codeField,
                               .objectDelay = plan.name == "pre" && plan.side == SynapseSide::Pre,
                               .delay = nullptr,
                               .delayField = plan.delayField};
        within(spec_.name, plan.codeField, [&] {
            const CodeBlockOwner owner{
                s.scope.get(), [&](const std::string& name) { return whyNotWritable(s, name); }};
            const std::vector<Statement> statements = checkCodeBlock(plan.code, owner);
            pathway.drawsSynapseBySynapse = numpyLoopsSynapseBySynapse(statements, indexingOf(s));
            for (const Statement& statement : statements) {
                if (!pathway.objectDelay && readsDelay(statement))
                    throw ModelError({"", "", statement.position.line, statement.position.column},
                                     "'delay' in the code of pathway '" + plan.name +
                                         "' is not supported: only the pathway 'pre' reads its "
                                         "delay");
                pathway.code.push_back(
                    Assignment{statement.target, resolved(s, statement.expandedValue())});
            }
            return 0;
        });
        if (!eventDriven.empty())
            pathway.code.push_back(Assignment{"lastupdate", makeName("t")});
        s.pathways.push_back(std::move(pathway));
    }

    /// Brian2 runs `S.run_regularly(code)` for every synapse in turn, so code
    /// that writes a pre- or postsynaptic variable writes it once per synapse,
    /// as on_pre's does; such code runs on one thread.
    void checkRunRegularly(CheckedSynapses& s) const {
        for (size_t k = 0; k < spec_.runRegularly.size(); ++k)
            if (!spec_.runRegularly[k].subgroup.empty())
                throw ModelError(
                    {spec_.name, "run_regularly[" + std::to_string(k) + "].subgroup", 0, 0},
                    "a Synapses object has no subgroups to run code for");
        const CodeBlockOwner owner{
            s.scope.get(), [&](const std::string& name) { return whyNotWritable(s, name); }};
        std::vector<bool> loops; // per entry: numpy's Python loop over the synapses
        s.runRegularly = checkRunRegularlyEntries(
            spec_.runRegularly, spec_.name, s.dt, constants_, [&](const RunRegularlySpec& entry) {
                std::vector<Statement> code = checkCodeBlock(entry.code, owner);
                loops.push_back(numpyLoopsSynapseBySynapse(code, indexingOf(s)));
                for (Statement& statement : code) {
                    statement.value = resolved(s, statement.expandedValue());
                    statement.op = AssignOp::Assign;
                }
                return code;
            });
        for (size_t k = 0; k < s.runRegularly.size() && k < loops.size(); ++k)
            s.runRegularly[k].drawsElementByElement = loops[k];
    }

    static bool readsDelay(const Statement& statement) {
        return statement.target == "delay" ||
               collectNames(statement.expandedValue()).count("delay");
    }

    /// The object's `delay` (on_pre's; kept without on_pre, as before
    /// pathways existed), then each other pathway's own. The pathway 'pre'
    /// written in `pathways` keeps its delay as the object's too: Brian2's
    /// `S.delay` is `S.pre.delay`.
    void checkDelays(CheckedSynapses& s, const std::vector<PathwayPlan>& plans) const {
        if (!spec_.delay.empty())
            s.delay = checkedDelay(s, spec_.delay, "delay");
        for (size_t k = 0; k < plans.size(); ++k) {
            const PathwayPlan& plan = plans[k];
            if (plan.delay.empty() || plan.delayField == "delay")
                continue;
            const ExprPtr delay = checkedDelay(s, plan.delay, plan.delayField);
            if (s.pathways[k].objectDelay)
                s.delay = delay;
            else
                s.pathways[k].delay = delay;
        }
    }

    ExprPtr checkedDelay(const CheckedSynapses& s, const std::string& text,
                         const std::string& field) const {
        return within(spec_.name, field, [&] {
            const ExprPtr delay = parseExpression(text);
            const ValueInfo info = checkDimensions(delay, *s.outerScope);
            if (info.dim != Dimension::second())
                throw ModelError({"", "", 1, 1}, "DimensionMismatchError: the delay '" + text +
                                                     "' must be a time, but has unit " +
                                                     displayUnit(info.dim));
            ExprPtr resolvedDelay = names_->substituteGroupSubexpressions(delay, s.equations);
            refuseTimedArrayCalls(resolvedDelay, constants_);
            return resolvedDelay;
        });
    }

    void checkInitial(CheckedSynapses& s) const {
        for (const auto& entry : spec_.initial) {
            const std::string& target = entry.first; // clang 14 cannot capture bindings
            const std::string& text = entry.second;
            within(spec_.name, "initial." + target, [&] {
                if (target == "delay" || pathwayOfDelay(target))
                    throw ModelError({"", "", 0, 0},
                                     "delays are set in the list form of 'initial': "
                                     "[{\"variable\": \"" +
                                         target + "\", \"value\": ...}]");
                const Equation* eq = s.equations.find(target);
                if (!eq || eq->kind == EquationKind::Subexpression)
                    throw ModelError({"", "", 0, 0},
                                     "'" + target + "' is not a variable of '" + spec_.name + "'");
                Statement statement{target, AssignOp::Assign, parseExpression(text), {}};
                checkAssignedValue(statement, statement.value, *s.scope->lookup(target), *s.scope);
                statement.value = resolved(s, statement.value);
                refuseTimedArrayCalls(statement.value, *s.scope);
                s.initial.push_back(statement);
                return 0;
            });
        }
        const AssignmentOwner owner = assignmentOwner(s);
        for (size_t k = 0; k < spec_.assignments.size(); ++k)
            s.assignments.push_back(checkAssignment(spec_.assignments[k], k, owner));
    }

    /// Brian2 computes a `constant over dt` subexpression once per step, into
    /// an array the rest of the step reads.
    void collectConstantOverDt(CheckedSynapses& s) const {
        for (const Equation& eq : s.equations.equations())
            if (eq.kind == EquationKind::Subexpression && eq.hasFlag("constant over dt"))
                s.constantOverDt.push_back(Assignment{eq.name, resolved(s, eq.expr)});
    }

    AssignmentOwner assignmentOwner(const CheckedSynapses& s) const {
        return synapsesAssignmentOwner(s, groups_, SynapseValuesAt::Initial);
    }

    static void collectState(CheckedSynapses& s, bool eventDriven) {
        for (const Equation& eq : s.equations.equations())
            if (eq.kind != EquationKind::Subexpression || eq.hasFlag("constant over dt"))
                s.stateVariables.push_back(eq.name);
        if (eventDriven)
            s.stateVariables.push_back("lastupdate");
    }

    const SynapsesSpec& spec_;
    const std::vector<CheckedGroup>& groups_;
    const Scope& constants_;
    double defaultDt_;
    const SynapsesContext& context_;
    std::optional<SynapticNames> names_;
};

} // namespace

namespace {

void refuseBetweenRuns(const CheckedSynapses& s, SynapseValuesAt at) {
    if (at == SynapseValuesAt::BetweenRuns)
        throw ModelError({"", "", 0, 0}, "the delays of '" + s.name +
                                             "' cannot change between runs: its spike queues "
                                             "are built once, before the first");
}

/// Refuses an assignment to `delay` that `at` cannot make.
void requireWritableDelay(const CheckedSynapses& s, SynapseValuesAt at) {
    refuseBetweenRuns(s, at);
    const bool hasPre = std::any_of(s.pathways.begin(), s.pathways.end(),
                                    [](const CheckedPathway& p) { return p.objectDelay; });
    if (!hasPre)
        throw ModelError({"", "", 0, 0}, "'delay' is the delay of the pathway 'pre', which '" +
                                             s.name + "' does not have");
}

/// Refuses an assignment to the delay of pathway `name` (`up.delay`) that
/// `at` cannot make, or of a pathway `s` does not have.
void requireWritablePathwayDelay(const CheckedSynapses& s, const std::string& name,
                                 SynapseValuesAt at) {
    refuseBetweenRuns(s, at);
    const auto pathway = std::find_if(s.pathways.begin(), s.pathways.end(),
                                      [&](const CheckedPathway& p) { return p.name == name; });
    if (pathway == s.pathways.end())
        throw ModelError({"", "", 0, 0},
                         "'" + s.name + "' has no pathway '" + name + "' whose delay to set");
    if (pathway->objectDelay)
        throw ModelError({"", "", 0, 0}, "the delay of the pathway 'pre' is the variable 'delay' "
                                         "of '" +
                                             s.name + "': write 'delay'");
}

void requireWritableSynapseVariable(const CheckedSynapses& s, const std::string& variable,
                                    SynapseValuesAt at) {
    if (variable == "delay")
        return requireWritableDelay(s, at);
    if (const auto pathway = pathwayOfDelay(variable))
        return requireWritablePathwayDelay(s, *pathway, at);
    const Equation* eq = s.equations.find(variable);
    if (!eq || eq->kind == EquationKind::Subexpression)
        throw ModelError({"", "", 0, 0},
                         "'" + variable + "' is not a variable of '" + s.name + "'");
}

} // namespace

AssignmentOwner synapsesAssignmentOwner(const CheckedSynapses& s,
                                        const std::vector<CheckedGroup>& groups,
                                        SynapseValuesAt at) {
    AssignmentOwner owner;
    owner.object = s.name;
    owner.elements = "synapses";
    owner.scope = s.scope.get();
    owner.sourceSize = s.sourceFace ? 0 : groups[s.source].size;
    owner.targetSize = s.targetFace ? 0 : groups[s.target].size; // 0: known when built
    owner.requireWritable = [&s, at](const std::string& variable) {
        requireWritableSynapseVariable(s, variable, at);
    };
    owner.targetSymbol = [&s](const std::string& variable) {
        if (pathwayOfDelay(variable))
            return Symbol{SymbolKind::PerElement, Dimension::second(), ValueType::Float, 0.0};
        return *s.scope->lookup(variable);
    };
    const auto names = std::make_shared<SynapticNames>(
        sourceGroupOf(groups, s), targetGroupOf(groups, s), s.sourceRange.size, s.targetRange.size);
    owner.resolve = [names, &s](const ExprPtr& expr) {
        return names->substituteGroupSubexpressions(s.equations.substituteSubexpressions(expr),
                                                    s.equations);
    };
    return owner;
}

CheckedSynapses checkSynapses(const SynapsesSpec& spec, const SynapsesContext& context) {
    return SynapsesChecker(spec, context).run();
}

} // namespace spikestudio
