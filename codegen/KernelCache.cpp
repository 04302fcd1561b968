#include "KernelCache.h"

#include "TccCompiler.h"

namespace spikestudio {

KernelCache& KernelCache::instance() {
    static KernelCache cache;
    return cache;
}

std::uint64_t KernelCache::hashOf(const std::string& source) {
    std::uint64_t hash = 1469598103934665603ULL;
    for (unsigned char c : source) {
        hash ^= c;
        hash *= 1099511628211ULL;
    }
    return hash;
}

std::shared_ptr<CompiledKernel> KernelCache::get(const std::string& source, bool* wasCached) {
    const std::uint64_t key = hashOf(source);
    {
        std::lock_guard lock(mutex_);
        auto [begin, end] = kernels_.equal_range(key);
        for (auto it = begin; it != end; ++it) {
            if (it->second.first == source) {
                if (wasCached)
                    *wasCached = true;
                return it->second.second;
            }
        }
    }
    auto kernel = TccCompiler::compile(source);
    std::lock_guard lock(mutex_);
    kernels_.emplace(key, std::make_pair(source, kernel));
    if (wasCached)
        *wasCached = false;
    return kernel;
}

void KernelCache::clear() {
    std::lock_guard lock(mutex_);
    kernels_.clear();
}

size_t KernelCache::size() const {
    std::lock_guard lock(mutex_);
    return kernels_.size();
}

} // namespace spikestudio
