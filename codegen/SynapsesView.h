#pragma once

#include "codegen/KernelView.h"
#include "model/SynapticNames.h"

namespace spikestudio {

/// A Synapses object's names: its own variables indexed by the synapse (_idx),
/// `x_pre` by the presynaptic neuron (_pre), `x_post` and bare target names by
/// the postsynaptic neuron (_post), N_incoming and N_outgoing (counted per
/// neuron) by _post and _pre. Writes to a target variable declared
/// `(unless refractory)` only land while that neuron is not refractory, as in Brian2.
class SynapsesView : public KernelView {
public:
    SynapsesView(const CheckedSynapses& synapses, const CheckedGroup& source,
                 const CheckedGroup& target)
        : synapses_(synapses),
          names_(source, target, synapses.sourceRange.size, synapses.targetRange.size) {}

    const Scope& scope() const override { return *synapses_.scope; }
    std::string special(const std::string& name) const override;
    std::optional<NameAccess> access(const std::string& name) const override;

private:
    const CheckedSynapses& synapses_;
    SynapticNames names_;
};

} // namespace spikestudio
