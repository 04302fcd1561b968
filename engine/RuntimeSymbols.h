#pragma once

#include <vector>

namespace spikestudio {

/// One function a kernel may call. Kernels are compiled without the C
/// library; these are the only symbols they can reach (the whitelist).
struct RuntimeSymbol {
    const char* name;
    const void* address;
    /// Spike Studio's own helpers (spikestudio_*), as opposed to libm's functions.
    bool isHelper;
    /// Only libtcc links to it: for the system compiler the prelude defines it
    /// as source, to be inlined (exp: core/expr/ExpFunction.inc).
    bool libtccOnly = false;
};

/// Every symbol of the whitelist, in a fixed order.
const std::vector<RuntimeSymbol>& runtimeSymbols();

} // namespace spikestudio
