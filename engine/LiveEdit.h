#pragma once

#include "engine/NetworkBuilder.h"

#include <string>

namespace spikestudio {

/// An edit of a running model that can take effect between two steps, state
/// kept: neuron groups' equations, threshold, reset, refractoriness and
/// method, and constants' values. Anything else (a group's size, a new state
/// variable, synapses, monitors, inputs) changes what the network holds and
/// waits for the next run.
class LiveEdit {
public:
    /// Why `edited` cannot replace `running` mid-run; empty when it can.
    static std::string whyNot(const CheckedModel& running, const CheckedModel& edited);

    /// Builds `edited`'s group kernels against `network` (any thread) and
    /// posts their swap to its next step boundary, with the constants' new
    /// values. `current` lists the network's kernels; the result lists them
    /// as they will be after the swap (sources updated), for the native tier.
    /// Throws std::runtime_error when the edit adds or removes a kernel.
    static LiveKernels apply(const CheckedModel& running, const CheckedModel& edited,
                             Network& network, const LiveKernels& current);
};

} // namespace spikestudio
