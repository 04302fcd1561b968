#pragma once

#include "engine/CompiledKernel.h"

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

class CancelFlag;

/// The native tier's compiler: the system's C compiler (`cc`) run on the very
/// source libtcc compiles, with -O3 -march=native, into a shared object that
/// is loaded with dlopen. Results are identical to libtcc's: no -ffast-math,
/// no FMA contraction, and libm's functions are never folded or replaced by
/// the compiler (they are called, like libtcc's code calls them).
/// -march=native only widens the instructions the compiler may pick (AVX,
/// AVX-512 vectors); each of them rounds as IEEE 754 requires, so every
/// value is the same.
///
/// Kernels are held to libtcc's whitelist: linked without the C library
/// against libm alone, every undefined symbol an error, an undeclared
/// function an error, and the object audited (KernelObjectAudit) before it
/// is cached or loaded. Objects are cached (NativeObjectCache) by a SHA-256
/// of compiler, CPU target, flags and source in a directory only this user
/// can change, so a model compiles natively once. Every run of the compiler
/// has a time limit (SPIKESTUDIO_CC_TIMEOUT) and can be cancelled.
class NativeCompiler {
public:
    /// The compiler SPIKESTUDIO_CC names, else the first of cc, gcc, clang in
    /// PATH. None (and the reason in `whyNot`) when there is no working
    /// compiler, SPIKESTUDIO_CC is "none", SPIKESTUDIO_CC_TIMEOUT is invalid,
    /// or the cache directory is missing or could be changed by another user.
    /// A compiler that answered once is not asked again (CompilerIdentityMemo);
    /// with `Asking::OnlyKnown`, one that has not answered yet is not asked
    /// now either (none, "not asked yet"), so no process runs.
    enum class Asking { MayRun, OnlyKnown };
    static std::optional<NativeCompiler> find(std::string* whyNot = nullptr,
                                              const CancelFlag* cancel = nullptr,
                                              Asking asking = Asking::MayRun);

    /// The kernel as native code, from this process's memory, the cache or
    /// compiled now (`fromCache` tells which). A cached object that fails
    /// verification or loading is removed and rebuilt. Requesting `cancel`
    /// kills a compilation under way. Throws std::runtime_error with a
    /// one-line reason when it fails.
    std::shared_ptr<CompiledKernel> compile(const std::string& source, bool* fromCache = nullptr,
                                            const CancelFlag* cancel = nullptr) const;
    /// The kernel as native code if this process loaded it already
    /// (LoadedNativeKernels), else null: no disk, no compiler.
    std::shared_ptr<CompiledKernel> loaded(const std::string& source) const;

    /// For summaries: "cc 12.2.0 -O3 -march=znver3".
    std::string description() const;
    const std::filesystem::path& cacheDirectory() const { return cacheDirectory_; }
    std::chrono::milliseconds timeout() const { return timeout_; }

    /// SPIKESTUDIO_CACHE_DIR, else $XDG_CACHE_HOME/spikestudio/kernels, else
    /// ~/.cache/spikestudio/kernels; empty when none of them is set (there is
    /// no shared fallback such as /tmp).
    static std::filesystem::path defaultCacheDirectory();

    /// Each run of the compiler may take this long: SPIKESTUDIO_CC_TIMEOUT
    /// seconds, else 120 s. Nothing (and the reason) when the variable is not
    /// a number of seconds in (0, 86400].
    static std::optional<std::chrono::milliseconds> configuredTimeout(std::string* whyNot);

private:
    NativeCompiler(std::string program, std::string version, std::string target,
                   std::filesystem::path cache, std::chrono::milliseconds timeout)
        : program_(std::move(program)), version_(std::move(version)), target_(std::move(target)),
          cacheDirectory_(std::move(cache)), timeout_(timeout) {}

    std::vector<std::string> flags() const;
    std::string cacheKey(const std::string& nativeSource) const;
    /// Compiles, audits and caches; returns the object's bytes.
    std::string build(const std::string& nativeSource, const std::string& key,
                      const CancelFlag* cancel) const;

    std::string program_;
    std::string version_; // first line of `cc --version`; part of the cache key
    std::string target_;  // what -march=native resolves to; empty: no -march
    std::filesystem::path cacheDirectory_;
    std::chrono::milliseconds timeout_;
};

} // namespace spikestudio
