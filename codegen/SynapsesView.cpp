#include "codegen/SynapsesView.h"

#include "codegen/LinkedAccess.h"

namespace spikestudio {

namespace {

std::string fromStart(const std::string& index, long long start) {
    return start == 0 ? index : "(" + index + " - " + std::to_string(start) + ")";
}

} // namespace

std::string SynapsesView::special(const std::string& name) const {
    // Brian2 counts i and j from the start of the subgroup the synapses name;
    // the start is a number from the checked model, never text from it.
    if (name == "i")
        return "((double)" + fromStart("_pre", synapses_.sourceRange.start) + ")";
    if (name == "j")
        return "((double)" + fromStart("_post", synapses_.targetRange.start) + ")";
    if (name == "N")
        return "((double)_N)";
    // Synapses read or targeted are counted when created: the runtime
    // passes N_pre and N_post.
    if (name == "N_pre" && synapses_.sourceSynapses)
        return "((double)_context->sourceSize)";
    if (name == "N_post" && synapses_.targetSynapses)
        return "((double)_context->targetSize)";
    return "";
}

std::optional<NameAccess> SynapsesView::access(const std::string& name) const {
    if (const auto ref = names_.resolve(name, synapses_.equations)) {
        const bool pre = ref->side == SynapseSide::Pre;
        const CheckedGroup& group = names_.group(ref->side);
        if (const CheckedLink* link = group.linkOf(ref->variable))
            return linkedAccess(group.name, *link, name, pre ? "_pre" : "_post");
        const auto symbol = group.scope->lookup(ref->variable);
        const std::string index =
            symbol && symbol->kind == SymbolKind::Shared ? "0" : (pre ? "_pre" : "_post");
        const Equation* eq = group.equations.find(ref->variable);
        std::optional<ArrayBinding> guard;
        if (eq && eq->hasFlag("unless refractory"))
            guard = binding::GroupVariable{ref->side, "not_refractory"};
        return NameAccess{binding::GroupVariable{ref->side, ref->variable}, index, guard};
    }
    if (name == "N_incoming")
        return NameAccess{binding::SynapsesPerNeuron{SynapseSide::Post}, "_post", std::nullopt};
    if (name == "N_outgoing")
        return NameAccess{binding::SynapsesPerNeuron{SynapseSide::Pre}, "_pre", std::nullopt};
    const Equation* eq = synapses_.equations.find(name);
    const bool ownArray =
        (eq && (eq->kind != EquationKind::Subexpression || eq->hasFlag("constant over dt"))) ||
        name == "delay" || name == "lastupdate";
    if (!ownArray)
        return std::nullopt;
    const bool shared = eq && eq->hasFlag("shared");
    return NameAccess{binding::OwnVariable{name}, shared ? "0" : "_idx", std::nullopt};
}

} // namespace spikestudio
