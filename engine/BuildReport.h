#pragma once

#include "engine/BuildTimings.h"
#include "engine/LiveKernels.h"

namespace spikestudio {

/// What buildNetwork tells its caller: how long it took, and the kernels the
/// network now calls (for the native tier, live edits and --show-kernels).
struct BuildReport {
    BuildTimings timings;
    LiveKernels kernels;
};

} // namespace spikestudio
