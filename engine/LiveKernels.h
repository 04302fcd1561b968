#pragma once

#include "engine/BoundKernel.h"

#include <memory>
#include <string>
#include <vector>

namespace spikestudio {

/// One kernel a network calls: what the native tier recompiles and a live
/// edit replaces.
struct LiveKernel {
    std::string name;                   // "E state update"
    std::string source;                 // its generated C
    std::shared_ptr<BoundKernel> bound; // the scheduled call: swap its code, not the call
    bool cached = false;                // libtcc's code came from the kernel cache
};

/// A network's kernels in the order they were built.
using LiveKernels = std::vector<LiveKernel>;

} // namespace spikestudio
