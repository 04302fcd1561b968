#pragma once

#include "model/CheckedModel.h"
#include "runtime/GroupState.h"
#include "runtime/RandomGenerator.h"

#include <cstdint>
#include <vector>

namespace spikestudio {

/// Presynaptic and postsynaptic index of every synapse, in creation order.
struct SynapseIndices {
    std::vector<std::int32_t> pre;
    std::vector<std::int32_t> post;
};

/// Creates the synapses of a connect rule the way Brian2's numpy target does,
/// source-major and drawing the same random numbers: for each i, the candidates
/// of range() or sample() (sparse p skips candidates geometrically), the
/// element j, the condition, then n copies of each pair. `scope` resolves
/// constants. Throws ModelError (field connect) for indices out of range.
SynapseIndices connectSynapses(const CheckedConnect& connect, const GroupState& source,
                               const GroupState& target, const Scope& scope,
                               RandomGenerator& random);

} // namespace spikestudio
