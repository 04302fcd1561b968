#pragma once

#include "runtime/StateArray.h"

#include <cstdint>
#include <vector>

namespace spikestudio {

/// Brian2's multisynaptic_index: each synapse numbered among the synapses of
/// its (pre, post) pair in creation order, 0 for the first, 1 for the second...
StateArray multisynapticNumbers(const std::vector<std::int32_t>& pre,
                                const std::vector<std::int32_t>& post);

} // namespace spikestudio
