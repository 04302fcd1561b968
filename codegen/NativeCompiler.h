#pragma once

#include "CompiledKernel.h"

#include <atomic>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// The native tier's compiler: the system's C compiler (`cc`) run on the very
/// source libtcc compiles, with -O3 -march=native, into a shared object that
/// is loaded with dlopen. Results are identical to libtcc's: no -ffast-math,
/// no FMA contraction, and libm's functions are never folded or replaced by
/// the compiler (they are called, like libtcc's code calls them).
/// -march=native only widens the instructions the compiler may pick (AVX,
/// AVX-512 vectors); each of them rounds as IEEE 754 requires, so every
/// value is the same. Shared objects are cached by a hash of compiler, CPU
/// target, flags and source in the user's cache directory, so a model
/// compiles natively once.
class NativeCompiler {
public:
    /// The compiler SPIKESTUDIO_CC names, else the first of cc, gcc, clang in
    /// PATH. None (and the reason in `whyNot`) when there is no working
    /// compiler or SPIKESTUDIO_CC is "none".
    static std::optional<NativeCompiler> find(std::string* whyNot = nullptr);

    /// The kernel as native code, from the cache or compiled now (`fromCache`
    /// tells which). Setting `cancel` kills a compilation under way. Throws
    /// std::runtime_error with the compiler's message when it fails.
    std::shared_ptr<CompiledKernel> compile(const std::string& source, bool* fromCache = nullptr,
                                            const std::atomic<bool>* cancel = nullptr) const;

    /// For summaries: "cc 12.2.0 -O3 -march=znver3".
    std::string description() const;
    const std::filesystem::path& cacheDirectory() const { return cacheDirectory_; }

    /// SPIKESTUDIO_CACHE_DIR, else $XDG_CACHE_HOME/spikestudio/kernels, else
    /// ~/.cache/spikestudio/kernels.
    static std::filesystem::path defaultCacheDirectory();

private:
    NativeCompiler(std::string program, std::string version, std::string target,
                   std::filesystem::path cache)
        : program_(std::move(program)), version_(std::move(version)), target_(std::move(target)),
          cacheDirectory_(std::move(cache)) {}

    std::vector<std::string> flags() const;

    std::string nativeSource(const std::string& source) const;
    void build(const std::string& source, const std::filesystem::path& sharedObject,
               const std::atomic<bool>* cancel) const;

    std::string program_;
    std::string version_; // first line of `cc --version`; part of the cache key
    std::string target_;  // what -march=native resolves to; empty: no -march
    std::filesystem::path cacheDirectory_;
};

} // namespace spikestudio
