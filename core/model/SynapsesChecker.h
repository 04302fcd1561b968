#pragma once

#include "model/AssignmentChecker.h"
#include "model/CheckedModel.h"

namespace spikestudio {

/// What checking one Synapses object reads of the rest of the model.
struct SynapsesContext {
    const std::vector<CheckedGroup>& groups;
    const Scope& constants;
    double defaultDt;
    const std::vector<SynapsesSpec>& specs;       // every Synapses object, in file order
    size_t index;                                 // this one's place in `specs`
    const std::vector<CheckedSynapses>& synapses; // those checked before it
};

/// Checks a Synapses object: its source among the groups, its target among
/// the groups or the Synapses objects before it, synaptic equations with
/// their flags, pathways, summed variables, connect rule, delay and initial
/// values. Throws ModelError naming the object and field.
CheckedSynapses checkSynapses(const SynapsesSpec& spec, const SynapsesContext& context);

/// Where assignments to a Synapses object are made: its `initial` list may
/// also set `delay` (the pathway 'pre''s, before the spike queues are
/// built); a protocol's values between runs may not.
enum class SynapseValuesAt { Initial, BetweenRuns };

/// What checking assignments to the checked `synapses` needs (its
/// `initial` list, a protocol's values): its names, sizes and writable
/// variables. Refers to `synapses` and `groups`, which must outlive it.
AssignmentOwner synapsesAssignmentOwner(const CheckedSynapses& synapses,
                                        const std::vector<CheckedGroup>& groups,
                                        SynapseValuesAt at);

} // namespace spikestudio
