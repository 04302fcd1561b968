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

/// The group a Synapses object's `_pre` names read: its source group, or,
/// when its source is another Synapses object, that object's face.
const CheckedGroup& sourceGroupOf(const std::vector<CheckedGroup>& groups,
                                  const CheckedSynapses& synapses);

/// The per-synapse variables of `synapses` seen as a group that another
/// Synapses object targets (Brian2's synapses on synapses): its parameters
/// and differential variables; subexpressions and summed variables stay its
/// own. The face has no events and its size is the synapse count, known
/// only when the synapses are created (0 here).
std::shared_ptr<const CheckedGroup> synapsesFace(const CheckedSynapses& synapses,
                                                 const Scope& constants);

/// Where the Synapses object named by `side` of synapses[own] (its `target`
/// for Post, its `source` for Pre) is among `synapses` (the model's Synapses
/// objects in file order), or nothing when no Synapses object is so called.
/// Throws ModelError (field 'target' or 'source') for itself, and for one that
/// comes later in the file (Brian2 creates an object before another can act
/// on it or read it), naming a cycle when the objects so named form one.
std::optional<size_t> namedSynapses(const std::vector<SynapsesSpec>& synapses, size_t own,
                                    SynapseSide side);

} // namespace spikestudio
