#include "engine/TccKernelCache.h"

#include "engine/TccCompiler.h"

namespace spikestudio {

TccKernelCache& TccKernelCache::instance() {
    static TccKernelCache cache;
    return cache;
}

std::uint64_t TccKernelCache::hashOf(const std::string& source) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : source) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// Compiles under the lock: libtcc compiles one source at a time anyway (its
// own semaphore), and two runs starting together (a sweep's first ones) then
// compile each kernel once, not once each.
std::shared_ptr<CompiledKernel> TccKernelCache::get(const std::string& source, bool* wasCached) {
    const std::uint64_t key = hashOf(source);
    std::lock_guard lock(mutex_);
    auto [begin, end] = kernels_.equal_range(key);
    for (auto it = begin; it != end; ++it) {
        if (it->second.first == source) {
            if (wasCached)
                *wasCached = true;
            return it->second.second;
        }
    }
    auto kernel = TccCompiler::compile(source);
    kernels_.emplace(key, std::make_pair(source, kernel));
    if (wasCached)
        *wasCached = false;
    return kernel;
}

void TccKernelCache::clear() {
    std::lock_guard lock(mutex_);
    kernels_.clear();
}

} // namespace spikestudio
