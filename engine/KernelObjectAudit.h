#pragma once

#include <set>
#include <string>
#include <string_view>

namespace spikestudio {

/// Reads a native kernel (a shared object, not yet loaded) and says why it
/// may not be loaded, or "" when it may: every function it imports must be
/// in `allowedImports` (the whitelist libtcc kernels are held to), the only
/// libraries it may need are libm's, and nothing may run when it is loaded or
/// unloaded (no initialisers or finalisers) or steer where libraries are
/// looked for (no rpath, runpath, audit or filter entries).
std::string auditKernelObject(std::string_view image, const std::set<std::string>& allowedImports);

} // namespace spikestudio
