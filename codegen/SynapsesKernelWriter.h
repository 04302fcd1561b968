#pragma once

#include "codegen/KernelBody.h"
#include "codegen/KernelSource.h"
#include "codegen/SynapsesView.h"

namespace spikestudio {

/// Fills the C templates for a Synapses object's operations. Kernels index
/// their own arrays by synapse and the groups' arrays through the synapse's
/// pre- and postsynaptic neuron (context pre/post).
class SynapsesKernelWriter {
public:
    SynapsesKernelWriter(const CheckedSynapses& synapses, const CheckedGroup& source,
                         const CheckedGroup& target, const ConstantTable& constants)
        : synapses_(synapses), view_(synapses, source, target), constants_(constants) {}

    KernelSource stateUpdate() const;    // clock-driven equations
    KernelSource constantOverDt() const; // empty code when there are none
    KernelSource runRegularly(const CheckedRunRegularly& operation) const;
    KernelSource pathway(const CheckedPathway& pathway) const;
    /// Array 0 is the summed variable's array in the written group.
    KernelSource summed(const CheckedSummedVariable& summed) const;
    KernelSource stateMonitor(const std::vector<ExprPtr>& variables) const;

private:
    KernelSource finish(KernelBody& body, const std::string& templateName) const;

    const CheckedSynapses& synapses_;
    SynapsesView view_;
    const ConstantTable& constants_;
};

} // namespace spikestudio
