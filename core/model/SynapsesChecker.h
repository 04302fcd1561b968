#pragma once

#include "model/CheckedModel.h"

namespace spikestudio {

/// Checks a Synapses object: its source and target among `groups`, synaptic
/// equations with their flags, pathways, summed variables, connect rule,
/// delay and initial values. Throws ModelError naming the object and field.
CheckedSynapses checkSynapses(const SynapsesSpec& spec, const std::vector<CheckedGroup>& groups,
                              const Scope& constants, double defaultDt);

} // namespace spikestudio
