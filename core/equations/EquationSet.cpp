#include "equations/EquationSet.h"

#include "diagnostics/ModelError.h"
#include "equations/NameRules.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"

#include <algorithm>
#include <functional>

namespace spikestudio {

Dimension noiseDimension() {
    return Dimension::second().power(-0.5);
}

bool isNoiseSymbol(const std::string& name) {
    return name == "xi" || name.starts_with("xi_");
}

namespace {

[[noreturn]] void failAt(const TextPosition& at, const std::string& message) {
    throw ModelError({"", "equations", at.line, at.column}, message);
}

const char* kindName(EquationKind kind) {
    switch (kind) {
    case EquationKind::Differential:
        return "differential equation";
    case EquationKind::Subexpression:
        return "subexpression";
    case EquationKind::Parameter:
        return "parameter";
    }
    return "equation";
}

std::set<std::string> allowedFlags(EquationOwner owner, EquationKind kind) {
    if (owner == EquationOwner::NeuronGroup) {
        switch (kind) {
        case EquationKind::Differential:
            return {"unless refractory"};
        case EquationKind::Parameter:
            return {"constant", "shared", "linked"};
        case EquationKind::Subexpression:
            return {"shared", "constant over dt"};
        }
    }
    switch (kind) {
    case EquationKind::Differential:
        return {"event-driven", "clock-driven"};
    case EquationKind::Parameter:
        return {"constant", "shared", "linked"};
    case EquationKind::Subexpression:
        return {"summed", "shared", "constant over dt"};
    }
    return {};
}

// Orders subexpressions so that each follows those it uses, depth first
// without recursion (a chain can be as long as the equations); a
// subexpression reached again on the current path is a cycle.
class SubexpressionOrder {
public:
    SubexpressionOrder(const std::vector<Equation>& equations) {
        for (const Equation& eq : equations)
            if (eq.kind == EquationKind::Subexpression && !eq.hasFlag("constant over dt"))
                byName_[eq.name] = &eq;
    }

    std::vector<const Equation*> run() {
        for (const auto& [name, eq] : byName_)
            visit(eq);
        return ordered_;
    }

private:
    struct Frame {
        const Equation* eq;
        std::vector<const Equation*> uses;
        size_t next = 0;
    };

    void visit(const Equation* root) {
        if (done_.count(root->name))
            return;
        open(root);
        while (!path_.empty()) {
            Frame& top = path_.back();
            if (top.next < top.uses.size()) {
                const Equation* used = top.uses[top.next++];
                if (!done_.count(used->name))
                    open(used); // invalidates `top`
                continue;
            }
            done_.insert(top.eq->name);
            onPath_.erase(top.eq->name);
            ordered_.push_back(top.eq);
            path_.pop_back();
        }
    }

    void open(const Equation* eq) {
        if (onPath_.count(eq->name)) {
            std::string cycle;
            bool inCycle = false;
            for (const Frame& frame : path_) {
                inCycle = inCycle || frame.eq->name == eq->name;
                if (inCycle)
                    cycle += frame.eq->name + " -> ";
            }
            failAt(eq->position, "circular subexpression dependencies: " + cycle + eq->name);
        }
        Frame frame{eq, {}};
        for (const std::string& used : collectNames(eq->expr)) {
            const auto found = byName_.find(used);
            if (found != byName_.end())
                frame.uses.push_back(found->second);
        }
        onPath_.insert(eq->name);
        path_.push_back(std::move(frame));
    }

    std::map<std::string, const Equation*> byName_;
    std::vector<Frame> path_;
    std::set<std::string> onPath_;
    std::set<std::string> done_;
    std::vector<const Equation*> ordered_;
};

// A summed variable is named after the variable it writes (`ge_post`): the
// base name is what must be a valid name.
std::string summedTargetOrName(const Equation& eq) {
    if (!eq.hasFlag("summed"))
        return eq.name;
    for (const char* suffix : {"_post", "_pre"})
        if (eq.name.ends_with(suffix) && eq.name.size() > std::string(suffix).size())
            return eq.name.substr(0, eq.name.size() - std::string(suffix).size());
    failAt(eq.position, "the summed variable '" + eq.name +
                            "' must name a variable of the target or source group, as in 'x_post'");
}

} // namespace

EquationSet EquationSet::build(std::vector<Equation> equations, const EquationContext& context,
                               const Scope& constants) {
    EquationSet set;
    set.equations_ = std::move(equations);
    set.context_ = context;
    set.checkNamesAndFlags();
    set.refuseRandomSubexpressions();
    set.orderSubexpressions();
    set.collectNoise();
    set.checkUnits(constants);
    return set;
}

const Equation* EquationSet::find(const std::string& name) const {
    for (const Equation& eq : equations_)
        if (eq.name == name)
            return &eq;
    return nullptr;
}

std::vector<const Equation*> EquationSet::ofKind(EquationKind kind) const {
    std::vector<const Equation*> result;
    for (const Equation& eq : equations_)
        if (eq.kind == kind)
            result.push_back(&eq);
    return result;
}

void EquationSet::checkNamesAndFlags() const {
    std::set<std::string> seen;
    for (const Equation& eq : equations_) {
        const std::string name = summedTargetOrName(eq);
        const std::string why = eq.generated ? ""
                                : context_.owner == EquationOwner::NeuronGroup
                                    ? whyNeuronVariableNameIsRefused(name)
                                    : whyNameIsRefused(name);
        if (!why.empty())
            failAt(eq.position, why);
        if (!seen.insert(eq.name).second)
            failAt(eq.position, "'" + eq.name + "' is defined more than once");
        const std::set<std::string> allowed = allowedFlags(context_.owner, eq.kind);
        for (const std::string& flag : eq.flags)
            if (!allowed.count(flag))
                failAt(eq.position, "unexpected flag '" + flag + "' for the " + kindName(eq.kind) +
                                        " '" + eq.name + "'");
        if (eq.hasFlag("linked") && context_.owner != EquationOwner::NeuronGroup)
            failAt(eq.position,
                   "linked variables are supported in NeuronGroups only: '" + eq.name + "'");
        if ((eq.hasFlag("summed") || eq.hasFlag("linked")) && eq.flags.size() > 1)
            failAt(eq.position, "the flags 'summed' and 'linked' cannot be combined with others");
        if (eq.kind == EquationKind::Differential && eq.unit.type != ValueType::Float)
            failAt(eq.position, "differential equations must be of floating point type, but '" +
                                    eq.name + "' is not");
        if (eq.hasFlag("unless refractory") && !context_.hasRefractoriness)
            failAt(eq.position, "'" + eq.name +
                                    "' uses the flag 'unless refractory' but the "
                                    "group has no 'refractory' period");
    }
}

// Brian2's check_subexpressions: a subexpression is substituted wherever it
// is used, so one drawing random numbers would draw at each use.
void EquationSet::refuseRandomSubexpressions() const {
    for (const Equation& eq : equations_)
        if (eq.kind == EquationKind::Subexpression && !eq.hasFlag("constant over dt") &&
            drawsRandomNumbers(eq.expr))
            failAt(eq.position, "The subexpression '" + eq.name +
                                    "' refers to a stateful function (e.g. rand()). Such "
                                    "expressions should only be evaluated once per timestep, add "
                                    "the 'constant over dt' flag.");
}

void EquationSet::orderSubexpressions() {
    ordered_ = SubexpressionOrder(equations_).run();
    for (const Equation* eq : ordered_)
        substitutions_[eq->name] = substitute(eq->expr, substitutions_);
}

void EquationSet::collectNoise() {
    std::set<std::string> noise;
    int plainXiUses = 0;
    for (const Equation& eq : equations_) {
        if (!eq.expr)
            continue;
        bool usesPlainXi = false;
        for (const std::string& name : collectNames(eq.expr)) {
            if (!isNoiseSymbol(name))
                continue;
            if (eq.kind != EquationKind::Differential)
                failAt(eq.position, "the noise term '" + name +
                                        "' may only appear in differential equations, not in '" +
                                        eq.name + "'");
            noise.insert(name);
            usesPlainXi = usesPlainXi || name == "xi";
        }
        plainXiUses += usesPlainXi;
    }
    if (plainXiUses > 1)
        failAt(equations_.front().position,
               "'xi' is used in more than one equation; use 'xi_1', 'xi_2', ... for "
               "independent noise terms or the same name for shared noise");
    noise_.assign(noise.begin(), noise.end());
}

ExprPtr EquationSet::substituteSubexpressions(const ExprPtr& expr) const {
    return substitute(expr, substitutions_);
}

ExprPtr EquationSet::substitutedExpression(const Equation& equation) const {
    return substituteSubexpressions(equation.expr);
}

Scope EquationSet::variableScope(const Scope& constants) const {
    Scope scope(&constants);
    for (const Equation& eq : equations_) {
        const bool shared = eq.hasFlag("shared");
        scope.define(eq.name, Symbol{shared ? SymbolKind::Shared : SymbolKind::PerElement,
                                     eq.unit.dim, eq.unit.type, 0.0});
    }
    scope.define("t", Symbol{SymbolKind::Shared, Dimension::second(), ValueType::Float, 0.0});
    scope.define("dt", Symbol{SymbolKind::Shared, Dimension::second(), ValueType::Float, 0.0});
    scope.define("t_in_timesteps",
                 Symbol{SymbolKind::Shared, Dimension(), ValueType::Integer, 0.0});
    scope.define("i", Symbol{SymbolKind::PerElement, Dimension(), ValueType::Integer, 0.0});
    if (context_.owner == EquationOwner::Synapses) // the synapse count is known only at run time
        scope.define("N", Symbol{SymbolKind::Shared, Dimension(), ValueType::Integer, 0.0});
    else
        scope.define("N", Symbol{SymbolKind::Constant, Dimension(), ValueType::Integer,
                                 static_cast<double>(context_.size)});
    if (context_.hasRefractoriness) {
        scope.define("not_refractory",
                     Symbol{SymbolKind::PerElement, Dimension(), ValueType::Boolean, 0.0});
        scope.define("lastspike",
                     Symbol{SymbolKind::PerElement, Dimension::second(), ValueType::Float, 0.0});
    }
    return scope;
}

void EquationSet::checkUnits(const Scope& constants) {
    Scope scope = variableScope(constants);
    Scope withNoise(&scope);
    for (const std::string& name : noise_)
        withNoise.define(name,
                         Symbol{SymbolKind::PerElement, noiseDimension(), ValueType::Float, 0});
    for (const Equation& eq : equations_) {
        if (!eq.expr)
            continue;
        try {
            if (eq.kind == EquationKind::Differential) {
                const ValueInfo info = checkDimensions(eq.expr, withNoise);
                const Dimension expected = eq.unit.dim / Dimension::second();
                if (info.dim != expected)
                    failAt(eq.expr->position,
                           "DimensionMismatchError: Inconsistent units in differential equation "
                           "defining variable '" +
                               eq.name + "': expression '" + toText(eq.expr) + "' has unit " +
                               displayUnit(info.dim) + ", expected " + displayUnit(expected));
            } else if (eq.isBoolean()) {
                requireBoolean(eq.expr, scope, "The subexpression '" + eq.name + "'");
            } else {
                const ValueInfo info = checkDimensions(eq.expr, scope);
                if (info.dim != eq.unit.dim)
                    failAt(eq.expr->position,
                           "DimensionMismatchError: Inconsistent units in subexpression '" +
                               eq.name + "': expression '" + toText(eq.expr) + "' has unit " +
                               displayUnit(info.dim) + ", expected " + displayUnit(eq.unit.dim));
            }
        } catch (const ModelError& error) {
            if (!error.where().field.empty())
                throw;
            throw error.locatedIn("", "equations");
        }
    }
}

} // namespace spikestudio
