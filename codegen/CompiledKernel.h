#pragma once

#include "runtime/KernelAbi.h"

#include <memory>
#include <string>

struct TCCState;

namespace spikestudio {

/// Machine code for one kernel, alive as long as this object is. Shared
/// between every group whose kernel source is the same.
class CompiledKernel {
public:
    CompiledKernel(TCCState* state, SpikeStudioKernel function, double compileMilliseconds);
    ~CompiledKernel();
    CompiledKernel(const CompiledKernel&) = delete;
    CompiledKernel& operator=(const CompiledKernel&) = delete;

    SpikeStudioKernel function() const { return function_; }
    double compileMilliseconds() const { return compileMilliseconds_; }

private:
    TCCState* state_;
    SpikeStudioKernel function_;
    double compileMilliseconds_;
};

} // namespace spikestudio
