#include "codegen/SynapsesView.h"

namespace spikestudio {

std::string SynapsesView::special(const std::string& name) const {
    if (name == "i")
        return "((double)_pre)";
    if (name == "j")
        return "((double)_post)";
    if (name == "N")
        return "((double)_N)";
    return "";
}

std::optional<NameAccess> SynapsesView::access(const std::string& name) const {
    if (const auto ref = names_.resolve(name, synapses_.equations)) {
        const bool pre = ref->side == SynapseSide::Pre;
        const CheckedGroup& group = names_.group(ref->side);
        const std::string prefix = pre ? "pre:" : "post:";
        const auto symbol = group.scope->lookup(ref->variable);
        const std::string index =
            symbol && symbol->kind == SymbolKind::Shared ? "0" : (pre ? "_pre" : "_post");
        const Equation* eq = group.equations.find(ref->variable);
        const std::string guard =
            eq && eq->hasFlag("unless refractory") ? prefix + "not_refractory" : "";
        return NameAccess{prefix + ref->variable, index, guard};
    }
    if (name == "N_incoming")
        return NameAccess{"count:N_incoming", "_post", ""};
    if (name == "N_outgoing")
        return NameAccess{"count:N_outgoing", "_pre", ""};
    const Equation* eq = synapses_.equations.find(name);
    const bool ownArray =
        (eq && eq->kind != EquationKind::Subexpression) || name == "delay" || name == "lastupdate";
    if (!ownArray)
        return std::nullopt;
    const bool shared = eq && eq->hasFlag("shared");
    return NameAccess{name, shared ? "0" : "_idx", ""};
}

} // namespace spikestudio
