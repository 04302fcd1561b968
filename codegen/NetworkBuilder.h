#pragma once

#include "BoundKernel.h"
#include "model/CheckedModel.h"
#include "runtime/Network.h"

#include <memory>
#include <string>
#include <vector>

namespace spikestudio {

/// What building a network cost, for the CLI summary and benchmarks.
struct BuildReport {
    struct KernelInfo {
        std::string name;
        double compileMilliseconds = 0.0; // 0 when taken from the cache
        bool cached = false;
        std::string source;
        std::shared_ptr<BoundKernel> bound; // the scheduled call, to swap its code later
    };
    double codegenMilliseconds = 0.0;
    double compileMilliseconds = 0.0;
    double setupMilliseconds = 0.0; // arrays, initial values, monitors
    std::vector<KernelInfo> kernels;
};

/// Turns a checked model into a runnable Network: allocates the arrays, sets
/// initial values, generates and compiles every kernel, and schedules the
/// operations in Brian2's order. Throws ModelError when memory cannot be had.
std::unique_ptr<Network> buildNetwork(const CheckedModel& model, BuildReport* report = nullptr);

} // namespace spikestudio
