#pragma once

#include "expr/Statement.h"

#include <functional>
#include <string>
#include <vector>

namespace spikestudio {

/// How the names of a Synapses object's code are indexed, as Brian2's numpy
/// target sees them.
struct SynapticIndexing {
    /// Read or written at an index several synapses share: a neuron's
    /// variable (`v_post`, `x_pre`, a bare target variable).
    std::function<bool(const std::string&)> repeated;
    /// Not at the synapse's own index: the above, and shared variables.
    std::function<bool(const std::string&)> notOwn;
};

/// Whether Brian2's numpy target runs `code` one synapse at a time (a Python
/// loop, each synapse running every statement) rather than one statement at
/// a time over all synapses. It falls back on that loop when the code writes
/// a variable several synapses share, and a statement either writes a
/// variable not at the synapse's own index that it or an earlier statement
/// reads, or updates one with an operator numpy has no `ufunc.at` for (`%=`,
/// `**=`). The random numbers follow: synapse by synapse in the loop,
/// statement by statement otherwise.
bool numpyLoopsSynapseBySynapse(const std::vector<Statement>& code,
                                const SynapticIndexing& indexing);

} // namespace spikestudio
