#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// What building a network took, for the run summary, the stored run and
/// benchmarks.
struct BuildTimings {
    /// One kernel's libtcc compilation; 0 ms when it came from the cache.
    struct KernelCompile {
        std::string kernel;
        double milliseconds = 0.0;
    };

    double codegenMilliseconds = 0.0;
    double compileMilliseconds = 0.0;
    double setupMilliseconds = 0.0; // arrays, initial values, monitors
    std::vector<KernelCompile> kernelCompiles;

    double totalMilliseconds() const {
        return codegenMilliseconds + compileMilliseconds + setupMilliseconds;
    }
};

} // namespace spikestudio
