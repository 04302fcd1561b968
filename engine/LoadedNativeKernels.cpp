#include "engine/LoadedNativeKernels.h"

namespace spikestudio {

LoadedNativeKernels& LoadedNativeKernels::instance() {
    static LoadedNativeKernels kernels;
    return kernels;
}

std::shared_ptr<CompiledKernel> LoadedNativeKernels::find(const std::string& key) const {
    std::lock_guard lock(mutex_);
    const auto loaded = kernels_.find(key);
    return loaded == kernels_.end() ? nullptr : loaded->second;
}

std::shared_ptr<CompiledKernel> LoadedNativeKernels::keep(const std::string& key,
                                                          std::shared_ptr<CompiledKernel> kernel) {
    std::lock_guard lock(mutex_);
    return kernels_.try_emplace(key, std::move(kernel)).first->second;
}

bool LoadedNativeKernels::empty() const {
    std::lock_guard lock(mutex_);
    return kernels_.empty();
}

void LoadedNativeKernels::clear() {
    std::lock_guard lock(mutex_);
    kernels_.clear();
}

} // namespace spikestudio
