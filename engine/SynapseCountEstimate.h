#pragma once

#include "model/CheckedModel.h"
#include "runtime/GroupState.h"

#include <optional>

namespace spikestudio {

/// How many synapses a connect rule will make, found before making them.
struct SynapseCountEstimate {
    enum class Kind {
        Exact,   // no randomness: the count itself
        Mean,    // p draws decide: the mean, which the count stays close to
        Sampled, // a condition was evaluated for some sources only
    };
    double count = 0.0;
    Kind kind = Kind::Exact;
    double spread = 1.0; // Sampled: the share of the sampled sources that made synapses
};

/// Estimates the synapses of `connect` between `source` and `target` without
/// drawing a random number (the stream stays Brian2's): exactly, or as the
/// mean number p lets through (also `rand() < P` in a condition, what a p that
/// reads j becomes), or, when a condition reads j, by evaluating it for up to
/// 64 evenly spaced sources. Nothing when other random numbers decide the
/// count, or evaluating enough of it would cost too much: creating the
/// synapses then guards itself as it goes.
std::optional<SynapseCountEstimate> estimateSynapseCount(const CheckedConnect& connect,
                                                         const GroupState& source,
                                                         const GroupState& target,
                                                         const Scope& scope);

} // namespace spikestudio
