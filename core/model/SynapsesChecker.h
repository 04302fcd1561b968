#pragma once

#include "model/AssignmentChecker.h"
#include "model/CheckedModel.h"

namespace spikestudio {

/// Checks a Synapses object: its source and target among `groups`, synaptic
/// equations with their flags, pathways, summed variables, connect rule,
/// delay and initial values. Throws ModelError naming the object and field.
CheckedSynapses checkSynapses(const SynapsesSpec& spec, const std::vector<CheckedGroup>& groups,
                              const Scope& constants, double defaultDt);

/// What checking assignments to the checked `synapses` needs (its
/// `initial` list, a protocol's values): its names, sizes and writable
/// variables. Refers to `synapses` and `groups`, which must outlive it.
AssignmentOwner synapsesAssignmentOwner(const CheckedSynapses& synapses,
                                        const std::vector<CheckedGroup>& groups);

} // namespace spikestudio
