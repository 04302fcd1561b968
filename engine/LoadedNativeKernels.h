#pragma once

#include "engine/CompiledKernel.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace spikestudio {

/// Native kernels this process has loaded, by their cache key (NativeCompiler's
/// SHA-256 of compiler, CPU target, flags and source): the runs of a sweep, a
/// model run again and a live edit undone take their native code from memory,
/// without reading, verifying and loading the cached object again, and so can
/// start on it at once. Kept for the life of the process, like TccKernelCache.
/// Thread-safe.
class LoadedNativeKernels {
public:
    static LoadedNativeKernels& instance();

    /// The kernel loaded under `key`, or null.
    std::shared_ptr<CompiledKernel> find(const std::string& key) const;
    /// Keeps `kernel` under `key` and returns the kernel kept there (the one
    /// loaded first, when two threads loaded the same key).
    std::shared_ptr<CompiledKernel> keep(const std::string& key,
                                         std::shared_ptr<CompiledKernel> kernel);
    bool empty() const;
    /// Forgets every kernel, so the next request reads the disk cache as a
    /// new process would (the code stays loaded while networks still use it).
    void clear();

private:
    mutable std::mutex mutex_;
    std::map<std::string, std::shared_ptr<CompiledKernel>> kernels_;
};

} // namespace spikestudio
