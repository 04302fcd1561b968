#include "model/ConnectChecker.h"

#include "diagnostics/ModelError.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/SynapseGenerator.h"

#include <cmath>
#include <map>

namespace spikestudio {

namespace {

[[noreturn]] void fail(const std::string& field, const std::string& problem) {
    throw ModelError({"", "connect." + field, 0, 0}, problem);
}

/// Names a connect expression may see: i, j, the loop variable, pre/post variables, constants.
class ConnectScope {
public:
    ConnectScope(const SynapticNames& names, const Scope& constants, const std::string& variable,
                 const EquationSet& own)
        : outer_(names.outerScope(constants, false)), scope_(outer_.get()), own_(own) {
        scope_.define(variable, Symbol{SymbolKind::PerElement, Dimension(), ValueType::Integer, 0});
    }

    /// `expr` with the Synapses object's own subexpressions written out
    /// (Brian2's rules may read one that reads only pre- and postsynaptic names).
    ExprPtr expanded(const ExprPtr& expr) const {
        return expr ? own_.substituteSubexpressions(expr) : expr;
    }

    /// Parses `text` (field `field`) and checks it has the given kind of value.
    ExprPtr parse(const std::string& text, const std::string& field, bool boolean) const {
        ExprPtr expr;
        try {
            expr = expanded(parseExpression(text));
            for (const std::string& name : collectNames(expr))
                if (name == "N_incoming" || name == "N_outgoing" || name == "delay")
                    throw ModelError({"", "", 1, 1},
                                     "a connect rule cannot refer to '" + name + "'");
            if (boolean) {
                requireBoolean(expr, scope_, "The connect condition");
            } else {
                const ValueInfo info = checkDimensions(expr, scope_);
                if (!info.dim.isDimensionless())
                    throw ModelError({"", "", 1, 1}, "DimensionMismatchError: '" + text +
                                                         "' must be dimensionless, but has unit " +
                                                         displayUnit(info.dim));
            }
        } catch (const ModelError& error) {
            throw error.locatedIn("", "connect." + field);
        }
        return expr;
    }

    const Scope& scope() const { return scope_; }

private:
    std::unique_ptr<Scope> outer_;
    Scope scope_;
    const EquationSet& own_;
};

/// True when `expr` must be evaluated per candidate target, not once per source:
/// it reads j, the loop variable, a postsynaptic variable or draws random numbers.
bool dependsOnTarget(const ExprPtr& expr, const SynapticNames& names, const std::string& variable) {
    if (!expr)
        return false;
    if (drawsRandomNumbers(expr))
        return true;
    for (const std::string& name : collectNames(expr)) {
        if (name == "j" || name == variable)
            return true;
        const auto ref = names.resolve(name, EquationSet());
        if (ref && ref->side == SynapseSide::Post)
            return true;
    }
    return false;
}

/// True when `expr` reads j or a postsynaptic variable (Brian2's "result index used").
bool readsTarget(const ExprPtr& expr, const SynapticNames& names) {
    if (!expr)
        return false;
    for (const std::string& name : collectNames(expr)) {
        const auto ref = names.resolve(name, EquationSet());
        if (name == "j" || (ref && ref->side == SynapseSide::Post))
            return true;
    }
    return false;
}

void checkIndices(const std::vector<long long>& indices, const CheckedGroup& group,
                  const std::string& field, const char* role) {
    for (long long index : indices)
        if (index < 0 || index >= group.size)
            fail(field, "the " + std::string(role) + " index " + std::to_string(index) +
                            " is outside the range [0, " + std::to_string(group.size - 1) +
                            "] of group '" + group.name + "'");
}

CheckedConnect checkArrays(const ConnectSpec& spec, const SynapticNames& names,
                           const ConnectScope& scope) {
    CheckedConnect connect;
    connect.form = ConnectSpec::Form::Arrays;
    // The reader refuses such files; an edited model can still get here.
    if (spec.i.size() != spec.j.size())
        fail("j", "'i' and 'j' must have the same length (" + std::to_string(spec.i.size()) +
                      " and " + std::to_string(spec.j.size()) + ")");
    // Synapses are counted when created: their i or j is checked then.
    if (!names.group(SynapseSide::Pre).ofSynapses)
        checkIndices(spec.i, names.group(SynapseSide::Pre), "i", "source");
    if (!names.group(SynapseSide::Post).ofSynapses)
        checkIndices(spec.j, names.group(SynapseSide::Post), "j", "target");
    connect.i = spec.i;
    connect.j = spec.j;
    if (!spec.p.empty()) {
        connect.arrayProbability = scope.parse(spec.p, "p", false);
        const auto p = constantValue(connect.arrayProbability, scope.scope());
        if (!p || *p < 0)
            fail("p", "with 'i' and 'j' arrays, p must be a number, 0 or more");
    }
    return connect;
}

CheckedConnect checkRule(const ConnectSpec& spec, const SynapticNames& names,
                         const ConnectScope& scope) {
    CheckedConnect connect;
    connect.variable = "_k";
    connect.element = makeName("_k");
    connect.low = makeNumber(0, true);
    connect.high = makeName("N_post");
    connect.step = makeNumber(1, true);
    if (!spec.condition.empty())
        connect.condition = scope.parse(spec.condition, "condition", true);
    if (spec.p.empty())
        return connect;
    const ExprPtr p = scope.parse(spec.p, "p", false);
    const auto value = constantValue(p, scope.scope());
    // Above 1 every candidate is kept, drawing its number as Brian2 does.
    if (value && *value < 0)
        fail("p", "p must not be negative, got " + formatNumber(*value));
    if (value && *value == 1.0)
        return connect;
    if (dependsOnTarget(p, names, connect.variable)) {
        // Brian2: `range(N_post) if (condition) and rand() < p`.
        const ExprPtr draw = makeCompare(CompareOp::Less, makeCall("rand", {}), p);
        connect.condition =
            connect.condition ? makeLogical(LogicalOp::And, connect.condition, draw) : draw;
        return connect;
    }
    connect.sample = true;
    connect.probability = p;
    return connect;
}

/// `expr` as the same rule seen from the other side: i and j, pre- and
/// postsynaptic names (a bare name is postsynaptic), N_pre and N_post swapped.
/// The generator's own loop variable `kept` shadows group variables and stays.
ExprPtr withRolesSwapped(const ExprPtr& expr, const SynapticNames& names, const std::string& kept) {
    if (!expr)
        return expr;
    return replaceNames(expr, [&names, &kept](const std::string& name) -> ExprPtr {
        static const std::map<std::string, std::string> kSwapped = {
            {"i", "j"}, {"j", "i"}, {"N_pre", "N_post"}, {"N_post", "N_pre"}};
        if (name == kept)
            return nullptr;
        if (const auto found = kSwapped.find(name); found != kSwapped.end())
            return makeName(found->second);
        if (const auto ref = names.resolve(name, EquationSet()))
            return makeName(ref->variable + (ref->side == SynapseSide::Pre ? "_post" : "_pre"));
        return nullptr;
    });
}

void swapRoles(CheckedConnect& connect, const SynapticNames& names) {
    for (ExprPtr* expr :
         {&connect.element, &connect.low, &connect.high, &connect.step, &connect.probability,
          &connect.size, &connect.condition, &connect.multiplicity})
        *expr = withRolesSwapped(*expr, names, connect.variable);
}

CheckedConnect checkGenerator(const ConnectSpec& spec, const SynapticNames& names,
                              const Scope& constants, const EquationSet& own) {
    const std::string side = spec.overPostsynaptic ? "i" : "j";
    SynapseGenerator parsed;
    try {
        parsed = parseSynapseGenerator(spec.generator);
    } catch (const ModelError& error) {
        throw error.locatedIn("", "connect." + side);
    }
    const ConnectScope scope(names, constants, parsed.variable, own);
    const auto check = [&](const ExprPtr& parsedExpr, bool boolean) {
        const ExprPtr expr = scope.expanded(parsedExpr);
        if (!expr)
            return expr;
        if (boolean)
            requireBoolean(expr, scope.scope(), "The generator condition");
        else if (!checkDimensions(expr, scope.scope()).dim.isDimensionless())
            fail(side, "'" + toText(expr) + "' must be dimensionless");
        return expr;
    };
    CheckedConnect connect;
    connect.form = ConnectSpec::Form::Generator;
    connect.variable = parsed.variable;
    try {
        connect.element = check(parsed.element, false);
        connect.sample = parsed.iterator == GeneratorIterator::Sample;
        connect.low = check(parsed.low, false);
        connect.high = check(parsed.high, false);
        connect.step = check(parsed.step, false);
        connect.probability = check(parsed.probability, false);
        connect.size = check(parsed.size, false);
        connect.condition = check(parsed.condition, true);
    } catch (const ModelError& error) {
        throw error.locatedIn("", "connect." + side);
    }
    const CheckedConnect asWritten = connect;
    if (spec.overPostsynaptic) {
        swapRoles(connect, names);
        connect.overPostsynaptic = true;
    }
    // The range and sample size are evaluated once per outer index, before the loop.
    const std::pair<ExprPtr, ExprPtr> perOuterIndex[] = {
        {connect.low, asWritten.low},
        {connect.high, asWritten.high},
        {connect.step, asWritten.step},
        {connect.probability, asWritten.probability},
        {connect.size, asWritten.size}};
    for (const auto& [expr, written] : perOuterIndex)
        if (dependsOnTarget(expr, names, "") ||
            (expr && collectNames(expr).count(connect.variable)))
            fail(side, "'" + toText(written) + "' depends on the " +
                           (spec.overPostsynaptic ? "presynaptic" : "postsynaptic") +
                           " index or the iterator");
    return connect;
}

} // namespace

std::string connectCallField(size_t k, bool several) {
    return several ? "connect[" + std::to_string(k) + "]" : "connect";
}

ModelError inConnectCall(const ModelError& error, const std::string& field) {
    SourceLocation where = error.where();
    const std::string prefix = "connect";
    if (where.field == prefix || where.field.rfind(prefix + ".", 0) == 0)
        where.field = field + where.field.substr(prefix.size());
    return ModelError(where, error.problem());
}

void checkSynapsesPerPair(double copies, const std::string& pair) {
    if (!std::isfinite(copies) || copies < 0.0)
        fail("n", "the number of synapses per pair" + pair + " must be zero or more, got " +
                      formatNumber(copies) + " (Brian2: negative dimensions are not allowed)");
}

CheckedConnect checkConnect(const ConnectSpec& spec, const SynapticNames& names,
                            const Scope& constants, const EquationSet& own) {
    const ConnectScope scope(names, constants, "_k", own);
    CheckedConnect connect;
    switch (spec.form) {
    case ConnectSpec::Form::Arrays:
        connect = checkArrays(spec, names, scope);
        break;
    case ConnectSpec::Form::Rule:
        connect = checkRule(spec, names, scope);
        break;
    case ConnectSpec::Form::Generator:
        connect = checkGenerator(spec, names, constants, own);
        break;
    }
    connect.skipIfInvalid = spec.skipIfInvalid;
    connect.conditionUsesJ = dependsOnTarget(connect.condition, names, connect.variable);
    connect.conditionReadsTarget = readsTarget(connect.condition, names);
    connect.multiplicity = spec.n.empty() ? makeNumber(1, true) : scope.parse(spec.n, "n", false);
    if (connect.overPostsynaptic)
        connect.multiplicity = withRolesSwapped(connect.multiplicity, names, connect.variable);
    const auto copies = constantValue(connect.multiplicity, scope.scope());
    if (connect.form == ConnectSpec::Form::Arrays && !copies)
        fail("n", "with 'i' and 'j' arrays, n must be a number");
    if (copies)
        checkSynapsesPerPair(*copies, "");
    return connect;
}

} // namespace spikestudio
