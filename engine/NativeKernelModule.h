#pragma once

#include "engine/CompiledKernel.h"

#include <memory>
#include <set>
#include <string>

namespace spikestudio {

/// A native kernel as a loaded module. Spike Studio's helpers live in this
/// process, not in a library the shared object could link against: the
/// kernel reaches them through pointers ("slots") filled in at load time.
/// Its only imports are the libm functions of the whitelist (runtimeSymbols()).
class NativeKernelModule {
public:
    /// Text put before a kernel's source for the native compiler: turns each
    /// helper's declaration into its slot's definition and every call into a
    /// call through the slot.
    static std::string slotsPrelude();

    /// The functions a native kernel may import: the whitelist's libm ones.
    static const std::set<std::string>& allowedImports();

    /// Loads a kernel from the bytes of its shared object, already verified.
    /// The bytes are copied into a sealed memory file that is what dlopen
    /// maps, so what runs is exactly what was checked whatever happens to
    /// files meanwhile. Throws std::runtime_error when it cannot be loaded.
    static std::shared_ptr<CompiledKernel> load(const std::string& image);
};

} // namespace spikestudio
