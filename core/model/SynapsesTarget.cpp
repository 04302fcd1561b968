#include "model/SynapsesTarget.h"

#include "diagnostics/ModelError.h"

namespace spikestudio {

const CheckedGroup& targetGroupOf(const std::vector<CheckedGroup>& groups,
                                  const CheckedSynapses& synapses) {
    return synapses.targetFace ? *synapses.targetFace : groups[synapses.target];
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

/// `from -> ... -> from` when following targets from `from` comes back to it.
std::string cycleFrom(const std::vector<SynapsesSpec>& synapses, size_t from) {
    std::string path = synapses[from].name;
    size_t at = from;
    for (size_t steps = 0; steps < synapses.size(); ++steps) {
        const auto next = indexOf(synapses, synapses[at].target);
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

std::optional<size_t> targetedSynapses(const std::vector<SynapsesSpec>& synapses, size_t own) {
    const SynapsesSpec& spec = synapses[own];
    const auto target = indexOf(synapses, spec.target);
    if (!target)
        return std::nullopt;
    const auto fail = [&](const std::string& problem) {
        return ModelError({spec.name, "target", 0, 0}, problem);
    };
    if (*target == own)
        throw fail("a Synapses object cannot act on itself");
    if (*target > own) {
        if (const std::string cycle = cycleFrom(synapses, own); !cycle.empty())
            throw fail("the Synapses objects act on each other in a cycle (" + cycle + ")");
        throw fail("the Synapses object '" + spec.target + "' it acts on must come before '" +
                   spec.name + "' in the model's synapses (Brian2 creates it first)");
    }
    return target;
}

} // namespace spikestudio
