#pragma once

namespace spikestudio {

/// Which compiler made a kernel's machine code. Every kernel starts on libtcc
/// (milliseconds to compile); the native tier is the same C source compiled
/// by the system's C compiler with -O3, swapped in when it is ready.
enum class KernelTier { Tcc, Native };

/// How a run chooses its tier (`--tier` on the command line).
enum class TierMode {
    Tcc,    // libtcc only
    Native, // compile natively before the first step (falls back to libtcc if impossible)
    Auto,   // start on libtcc, swap to native at a step boundary once compiled
};

inline const char* nameOf(KernelTier tier) {
    return tier == KernelTier::Tcc ? "libtcc" : "native";
}

} // namespace spikestudio
