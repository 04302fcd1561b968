#pragma once

#include "model/CheckedModel.h"

#include <compare>
#include <string>
#include <variant>

namespace spikestudio {

/// Where one entry of a kernel's `arrays` argument comes from. The code
/// generator says it; the engine (ArrayBinder) turns it into a pointer into
/// the runtime's own storage once, when it binds the kernel.
namespace binding {

/// A variable of the object the kernel runs for: the group's `v`, or the
/// synapses' own `w` (per synapse).
struct OwnVariable {
    std::string name;
    auto operator<=>(const OwnVariable&) const = default;
};

/// In synaptic code, a variable of the presynaptic (source) or postsynaptic
/// (target) group: `v_pre`, `ge_post`, and the group a summed variable writes.
struct GroupVariable {
    SynapseSide side = SynapseSide::Post;
    std::string name;
    auto operator<=>(const GroupVariable&) const = default;
};

/// The array a linked variable reads: `variable` of the group `group`
/// (Brian2's linked_var source), possibly another group's. `via` is the name
/// the kernel reads it by (`v_other`, `v_other_pre`): each name has its own
/// element, so each is a binding of its own.
struct LinkedSource {
    std::string group;
    std::string variable;
    std::string via;
    auto operator<=>(const LinkedSource&) const = default;
};

/// The source elements of an indexed linked variable of `group`, one per
/// neuron (whole numbers held as doubles, like every kernel array).
struct LinkIndices {
    std::string group;
    std::string variable;
    auto operator<=>(const LinkIndices&) const = default;
};

/// The values of a TimedArray.
struct TimedArrayValues {
    std::string name;
    auto operator<=>(const TimedArrayValues&) const = default;
};

/// Synapses per neuron: N_outgoing per source neuron (Pre), N_incoming per
/// target neuron (Post).
struct SynapsesPerNeuron {
    SynapseSide side = SynapseSide::Post;
    auto operator<=>(const SynapsesPerNeuron&) const = default;
};

/// A state monitor's recorded indices (int32).
struct RecordedIndices {
    auto operator<=>(const RecordedIndices&) const = default;
};

/// A state monitor's row cursor: the address of a `double*` that points at
/// the row of the record the kernel fills this step.
struct RecordRow {
    auto operator<=>(const RecordRow&) const = default;
};

/// A GSL method's bookkeeping for the group (GroupState::solverSteps): each
/// element's last step size, then the first failure.
struct SolverSteps {
    auto operator<=>(const SolverSteps&) const = default;
};

} // namespace binding

using ArrayBinding =
    std::variant<binding::OwnVariable, binding::GroupVariable, binding::TimedArrayValues,
                 binding::SynapsesPerNeuron, binding::RecordedIndices, binding::RecordRow,
                 binding::LinkedSource, binding::LinkIndices, binding::SolverSteps>;

/// For messages and tests: "v", "post ge", "TimedArray stimulus", "N_incoming", …
std::string describe(const ArrayBinding& binding);

} // namespace spikestudio
