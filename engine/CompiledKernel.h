#pragma once

#include "codegen/KernelAbi.h"

#include <memory>

namespace spikestudio {

/// Machine code for one kernel, alive as long as this object is. Shared
/// between every group whose kernel source is the same. `module` owns the
/// code (a libtcc state or a loaded shared object) and releases it.
class CompiledKernel {
public:
    CompiledKernel(std::shared_ptr<void> module, SpikeStudioKernel function)
        : module_(std::move(module)), function_(function) {}
    CompiledKernel(const CompiledKernel&) = delete;
    CompiledKernel& operator=(const CompiledKernel&) = delete;

    SpikeStudioKernel function() const { return function_; }

private:
    std::shared_ptr<void> module_;
    SpikeStudioKernel function_;
};

} // namespace spikestudio
