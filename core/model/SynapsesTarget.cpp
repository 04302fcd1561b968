#include "model/SynapsesTarget.h"

#include "diagnostics/ModelError.h"

namespace spikestudio {

const CheckedGroup& targetGroupOf(const std::vector<CheckedGroup>& groups,
                                  const CheckedSynapses& synapses) {
    return synapses.targetFace ? *synapses.targetFace : groups[synapses.target];
}

const CheckedGroup& sourceGroupOf(const std::vector<CheckedGroup>& groups,
                                  const CheckedSynapses& synapses) {
    return synapses.sourceFace ? *synapses.sourceFace : groups[synapses.source];
}

std::shared_ptr<const CheckedGroup> synapsesFace(const CheckedSynapses& synapses,
                                                 const Scope& constants) {
    auto face = std::make_shared<CheckedGroup>();
    face->name = synapses.name;
    face->ofSynapses = true;
    face->dt = synapses.dt;
    // An independent copy of the equations, checked as the synapses checked
    // them (their expressions read the synapses' own pre and post names).
    face->equations = EquationSet::build(synapses.equations.equations(),
                                         synapses.equations.context(), *synapses.outerScope);
    face->scope = std::make_unique<Scope>(face->equations.variableScope(constants));
    face->stateVariables = synapses.stateVariables;
    return face;
}

namespace {

std::optional<size_t> indexOf(const std::vector<SynapsesSpec>& synapses, const std::string& name) {
    for (size_t k = 0; k < synapses.size(); ++k)
        if (synapses[k].name == name)
            return k;
    return std::nullopt;
}

const std::string& nameOn(const SynapsesSpec& spec, SynapseSide side) {
    return side == SynapseSide::Post ? spec.target : spec.source;
}

/// `from -> ... -> from` when following the objects named by `side` from
/// `from` comes back to it.
std::string cycleFrom(const std::vector<SynapsesSpec>& synapses, size_t from, SynapseSide side) {
    std::string path = synapses[from].name;
    size_t at = from;
    for (size_t steps = 0; steps < synapses.size(); ++steps) {
        const auto next = indexOf(synapses, nameOn(synapses[at], side));
        if (!next)
            return "";
        path += " -> " + synapses[*next].name;
        if (*next == from)
            return path;
        at = *next;
    }
    return "";
}

} // namespace

std::optional<size_t> namedSynapses(const std::vector<SynapsesSpec>& synapses, size_t own,
                                    SynapseSide side) {
    const SynapsesSpec& spec = synapses[own];
    const std::string& name = nameOn(spec, side);
    const auto named = indexOf(synapses, name);
    if (!named)
        return std::nullopt;
    const bool post = side == SynapseSide::Post;
    const auto fail = [&](const std::string& problem) {
        return ModelError({spec.name, post ? "target" : "source", 0, 0}, problem);
    };
    if (*named == own)
        throw fail(post ? "a Synapses object cannot act on itself"
                        : "a Synapses object cannot be its own source");
    if (*named > own) {
        if (const std::string cycle = cycleFrom(synapses, own, side); !cycle.empty())
            throw fail(post ? "the Synapses objects act on each other in a cycle (" + cycle + ")"
                            : "the Synapses objects read each other in a cycle (" + cycle + ")");
        throw fail("the Synapses object '" + name + "' it " + (post ? "acts on" : "reads from") +
                   " must come before '" + spec.name +
                   "' in the model's synapses (Brian2 creates it first)");
    }
    return named;
}

} // namespace spikestudio
