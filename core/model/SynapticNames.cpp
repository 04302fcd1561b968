#include "model/SynapticNames.h"

#include "expr/ExprRewrite.h"

namespace spikestudio {

bool isGroupVariable(const CheckedGroup& group, const std::string& name) {
    if (const CheckedLink* link = group.linkOf(name))
        return link->neuronByNeuron();
    if (const Equation* eq = group.equations.find(name))
        // Targeted synapses offer their variables, not their subexpressions
        // (which read names of their own groups).
        return !group.ofSynapses || eq->kind != EquationKind::Subexpression;
    return group.refractoryKind != RefractoryKind::None &&
           (name == "not_refractory" || name == "lastspike");
}

namespace {

const char* suffixOf(SynapseSide side) {
    return side == SynapseSide::Pre ? "_pre" : "_post";
}

void defineGroupVariables(Scope& scope, const CheckedGroup& group, SynapseSide side, bool bare) {
    for (const auto& [name, symbol] : group.scope->localSymbols()) {
        if (!isGroupVariable(group, name))
            continue;
        // A shared group variable is one value for all synapses; others vary per synapse.
        Symbol seen = symbol;
        if (seen.kind != SymbolKind::Shared)
            seen.kind = SymbolKind::PerElement;
        scope.define(name + suffixOf(side), seen);
        if (bare)
            scope.define(name, seen);
    }
}

Symbol integerPerSynapse() {
    return Symbol{SymbolKind::PerElement, Dimension(), ValueType::Integer, 0.0};
}

} // namespace

std::unique_ptr<Scope> SynapticNames::outerScope(const Scope& constants, bool eventDriven) const {
    auto scope = std::make_unique<Scope>(&constants);
    defineGroupVariables(*scope, source_, SynapseSide::Pre, false);
    defineGroupVariables(*scope, target_, SynapseSide::Post, true);
    for (const char* name : {"i", "j", "N_incoming", "N_outgoing"})
        scope->define(name, integerPerSynapse());
    // Synapses (read or targeted) are counted only once they are created:
    // N_pre or N_post is then a value of the run, as a shared variable is.
    const auto count = [](const CheckedGroup& group, long long size) {
        if (group.ofSynapses)
            return Symbol{SymbolKind::Shared, Dimension(), ValueType::Integer, 0.0};
        return Symbol{SymbolKind::Constant, Dimension(), ValueType::Integer,
                      static_cast<double>(size)};
    };
    scope->define("N_pre", count(source_, sourceSize_));
    scope->define("N_post", count(target_, targetSize_));
    scope->define("delay",
                  Symbol{SymbolKind::PerElement, Dimension::second(), ValueType::Float, 0.0});
    if (eventDriven)
        scope->define("lastupdate",
                      Symbol{SymbolKind::PerElement, Dimension::second(), ValueType::Float, 0.0});
    return scope;
}

std::optional<GroupVariableRef> SynapticNames::resolve(const std::string& name,
                                                       const EquationSet& own) const {
    // Plain `delay` is the synapse's own, even when a group has a `delay` of
    // its own (then read as `delay_pre` / `delay_post`). A summed variable's
    // name (`y_post`) is the group's variable it writes, not the synapse's.
    const Equation* ownEquation = own.find(name);
    if ((ownEquation && !ownEquation->hasFlag("summed")) || name == "delay")
        return std::nullopt;
    for (SynapseSide side : {SynapseSide::Pre, SynapseSide::Post}) {
        const std::string suffix = suffixOf(side);
        if (name.size() > suffix.size() && name.ends_with(suffix)) {
            const std::string base = name.substr(0, name.size() - suffix.size());
            if (isGroupVariable(group(side), base))
                return GroupVariableRef{side, base};
        }
    }
    if (isGroupVariable(target_, name))
        return GroupVariableRef{SynapseSide::Post, name};
    return std::nullopt;
}

ExprPtr SynapticNames::substituteGroupSubexpressions(const ExprPtr& expr,
                                                     const EquationSet& own) const {
    return replaceNames(expr, [&](const std::string& name) -> ExprPtr {
        const auto ref = resolve(name, own);
        if (!ref)
            return nullptr;
        const CheckedGroup& group = this->group(ref->side);
        const Equation* eq = group.equations.find(ref->variable);
        if (!eq || eq->kind != EquationKind::Subexpression || eq->hasFlag("constant over dt"))
            return nullptr;
        // The group's definition, its names moved to this side (`v` -> `v_post`, `i` -> `j`).
        ExprPtr& renamed = renamed_[suffixOf(ref->side) + (":" + ref->variable)];
        if (!renamed)
            renamed =
                replaceNames(group.equations.substitutedExpression(*eq),
                             [&](const std::string& inner) -> ExprPtr {
                                 if (inner == "i")
                                     return makeName(ref->side == SynapseSide::Pre ? "i" : "j");
                                 if (isGroupVariable(group, inner))
                                     return makeName(inner + suffixOf(ref->side));
                                 return nullptr;
                             });
        return renamed;
    });
}

} // namespace spikestudio
