#pragma once

#include "model/CheckedModel.h"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// The group a Synapses object's `_post` names read: its target group, or,
/// when it acts on another Synapses object, that object's face.
const CheckedGroup& targetGroupOf(const std::vector<CheckedGroup>& groups,
                                  const CheckedSynapses& synapses);

/// The per-synapse variables of `synapses` seen as a group that another
/// Synapses object targets (Brian2's synapses on synapses): its parameters
/// and differential variables; subexpressions and summed variables stay its
/// own. The face has no events and its size is the synapse count, known
/// only when the synapses are created (0 here).
std::shared_ptr<const CheckedGroup> synapsesFace(const CheckedSynapses& synapses,
                                                 const Scope& constants);

/// Where `object`'s target `target` is among `synapses` (the Synapses objects
/// of the model in file order, `own` being `object`'s place), or nothing when
/// no Synapses object is so called. Throws ModelError (field 'target') for
/// itself, and for one that comes later in the file (Brian2 creates an object
/// before another can act on it), naming a cycle when the targets form one.
std::optional<size_t> targetedSynapses(const std::vector<SynapsesSpec>& synapses, size_t own);

} // namespace spikestudio
