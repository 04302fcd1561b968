#pragma once

#include "memory/MemoryBudget.h"
#include "model/CheckedModel.h"
#include "runtime/GroupState.h"
#include "runtime/RandomGenerator.h"

#include <cstdint>
#include <limits>
#include <vector>

namespace spikestudio {

/// Presynaptic and postsynaptic index of every synapse, in creation order.
struct SynapseIndices {
    std::vector<std::int32_t> pre;
    std::vector<std::int32_t> post;
};

/// How far creating synapses may go: the spike queue numbers synapses in 32
/// bits, and all they will take must fit what the budget has left.
struct SynapseLimit {
    static constexpr long long kMostSynapses = std::numeric_limits<std::int32_t>::max();

    const MemoryBudget* budget = nullptr; // null: only kMostSynapses
    double bytesPerSynapse = 8.0;         // everything one synapse will take at its peak
    long long existing = 0;               // made by earlier connect() calls, not yet claimed

    long long mostSynapses() const;
};

/// Creates the synapses of a connect rule the way Brian2's numpy target does,
/// source-major and drawing the same random numbers: for each i, the candidates
/// of range() or sample() (sparse p skips candidates geometrically), the
/// element j, the condition, then n copies of each pair. `scope` resolves
/// constants. Refuses (ModelError, field connect or connect.n) indices out of
/// range, a negative n, and, before it allocates them, more synapses or
/// candidates than `limit` allows: at once when an estimate says so, else as
/// soon as the count gets there. With skipIfInvalid, pairs outside the groups
/// and sample sizes out of range are left out, as Brian2's skip_if_invalid does.
SynapseIndices connectSynapses(const CheckedConnect& connect, const GroupState& source,
                               const GroupState& target, const Scope& scope,
                               RandomGenerator& random, const SynapseLimit& limit = {});

} // namespace spikestudio
