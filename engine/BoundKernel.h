#pragma once

#include "engine/CompiledKernel.h"
#include "runtime/Clock.h"

#include <memory>
#include <vector>

namespace spikestudio {

/// Everything one kernel call needs, bound once at build time: the compiled
/// code, the runtime arrays it reads and writes, and its context.
struct BoundKernel {
    std::shared_ptr<CompiledKernel> kernel;
    std::vector<void*> arrays;
    SpikeStudioKernelContext context{};
    const std::vector<double>* constants = nullptr;

    void call(const Clock& clock) {
        context.t = clock.t();
        context.dt = clock.dt();
        context.timestep = clock.timestep();
        kernel->function()(arrays.data(), constants->data(), &context);
    }
};

} // namespace spikestudio
