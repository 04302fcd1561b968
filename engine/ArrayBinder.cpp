#include "engine/ArrayBinder.h"

#include "runtime/SynapseValues.h"

#include <stdexcept>

namespace spikestudio {

namespace {

/// Resolves one binding; each alternative names what it needs from the targets.
class Resolver {
public:
    explicit Resolver(const BindingTargets& targets) : targets_(targets) {}

    void* operator()(const binding::OwnVariable& own) const {
        if (targets_.group)
            return targets_.group->variable(own.name).data();
        return perSynapseArray(synapses(own), own.name).data();
    }
    void* operator()(const binding::GroupVariable& variable) const {
        SynapseState& of = synapses(variable);
        GroupState* group = variable.side == SynapseSide::Pre ? of.source : of.target;
        return group->variable(variable.name).data();
    }
    void* operator()(const binding::TimedArrayValues& timed) const {
        return targets_.network.timedArrays().at(timed.name).data();
    }
    void* operator()(const binding::SynapsesPerNeuron& count) const {
        const char* name = count.side == SynapseSide::Pre ? "N_outgoing" : "N_incoming";
        return countsPerNeuron(synapses(count), name).data();
    }
    void* operator()(const binding::RecordedIndices& indices) const {
        return recording(indices).indices.data();
    }
    void* operator()(const binding::RecordRow& row) const { return &recording(row).row; }
    void* operator()(const binding::LinkedSource& source) const {
        return groupNamed(source.group).variable(source.variable).data();
    }
    void* operator()(const binding::LinkIndices& indices) const {
        return groupNamed(indices.group).linkIndices.at(indices.variable).data();
    }
    void* operator()(const binding::SolverSteps& steps) const {
        if (!targets_.group || targets_.group->solverSteps.empty())
            throw std::logic_error("kernel array '" + describe(steps) +
                                   "' needs a group integrated by a GSL method");
        return targets_.group->solverSteps.data();
    }

private:
    GroupState& groupNamed(const std::string& name) const {
        for (GroupState& group : targets_.network.groups())
            if (group.name == name)
                return group;
        throw std::logic_error("kernel array names an unknown group");
    }
    SynapseState& synapses(const ArrayBinding& binding) const {
        if (!targets_.synapses)
            throw std::logic_error("kernel array '" + describe(binding) +
                                   "' needs synapses to bind to");
        return *targets_.synapses;
    }
    StateRecording& recording(const ArrayBinding& binding) const {
        if (!targets_.recording)
            throw std::logic_error("kernel array '" + describe(binding) +
                                   "' needs a state monitor to bind to");
        return *targets_.recording;
    }

    const BindingTargets& targets_;
};

} // namespace

void* resolveArray(const ArrayBinding& binding, const BindingTargets& targets) {
    return std::visit(Resolver(targets), binding);
}

std::vector<void*> resolveArrays(const std::vector<ArrayBinding>& bindings,
                                 const BindingTargets& targets) {
    std::vector<void*> arrays;
    arrays.reserve(bindings.size());
    for (const ArrayBinding& binding : bindings)
        arrays.push_back(resolveArray(binding, targets));
    return arrays;
}

} // namespace spikestudio
