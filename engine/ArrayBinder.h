#pragma once

#include "codegen/ArrayBinding.h"
#include "engine/StateRecording.h"
#include "runtime/Network.h"

#include <vector>

namespace spikestudio {

/// The runtime storage a kernel's bindings resolve against: the network (its
/// TimedArrays), and the object the kernel runs for: a group, or synapses
/// (their own variables, their groups' and the synapses per neuron), and for
/// a state monitor what it records.
struct BindingTargets {
    Network& network;
    GroupState* group = nullptr;
    SynapseState* synapses = nullptr;
    StateRecording* recording = nullptr;
};

/// The pointer that goes in a kernel's `arrays` for `binding`: the runtime's
/// own storage, no copy. Throws std::logic_error when `targets` has nothing
/// of that kind (a bug in the code generator or the builder), and
/// std::out_of_range for a variable the object does not have.
void* resolveArray(const ArrayBinding& binding, const BindingTargets& targets);

/// resolveArray for each binding, in order: a kernel's whole `arrays`.
std::vector<void*> resolveArrays(const std::vector<ArrayBinding>& bindings,
                                 const BindingTargets& targets);

} // namespace spikestudio
