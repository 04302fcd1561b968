#pragma once

#include "engine/CompiledKernel.h"

#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace spikestudio {

/// Kernels compiled by libtcc, in memory, by a hash of their source: groups
/// with the same equations share one kernel (arrays are arguments, not baked
/// in), and recompiling an unchanged model costs nothing. Thread-safe. (Native
/// kernels have their own cache on disk, NativeObjectCache.)
class TccKernelCache {
public:
    static TccKernelCache& instance();

    /// The kernel for `source`, compiled on first request. `wasCached` tells
    /// whether this call compiled it.
    std::shared_ptr<CompiledKernel> get(const std::string& source, bool* wasCached = nullptr);
    void clear();

private:
    /// 64-bit FNV-1a of the source, the cache key (the full source is kept and
    /// compared too, so a hash collision can never return the wrong kernel).
    static std::uint64_t hashOf(const std::string& source);

    std::mutex mutex_;
    std::multimap<std::uint64_t, std::pair<std::string, std::shared_ptr<CompiledKernel>>> kernels_;
};

} // namespace spikestudio
