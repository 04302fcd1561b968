#pragma once

#include "diagnostics/SizeText.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace spikestudio {

/// How much memory a model may use, and where that figure comes from.
struct MemoryLimit {
    double bytes = 0.0; // 0: unknown, nothing is refused
    bool fromEnvironment = false;

    /// "this machine can give 19.6 GiB" or "SPIKESTUDIO_MEMORY_LIMIT allows 64.0 MiB".
    std::string describe() const;
};

/// The environment variable that sets the memory limit (tests, or a user who knows better).
inline constexpr const char* kMemoryLimitVariable = "SPIKESTUDIO_MEMORY_LIMIT";

/// A size such as "1048576", "512M", "1.5G" or "2GiB" (binary multiples K, M, G, T) in
/// bytes; nothing unless it is a positive size below 2^63 bytes.
std::optional<double> parseMemorySize(std::string_view text);

/// What Linux can give without swapping (MemAvailable in /proc/meminfo), else
/// three quarters of physical memory; 0 when neither can be read.
std::uint64_t availableMemoryBytes();

/// SPIKESTUDIO_MEMORY_LIMIT when set (a bad value throws ModelError naming the
/// variable), else 90% of the available memory.
MemoryLimit currentMemoryLimit();

/// Refuses, before anything is allocated, a model whose arrays, synapses, queues
/// or monitors would not fit: Linux hands out pages lazily and would otherwise
/// let the process grow until the kernel's OOM killer ends it mid-run. One
/// budget follows one build, so every claim counts against what the earlier ones left.
class MemoryBudget {
public:
    explicit MemoryBudget(MemoryLimit limit = currentMemoryLimit()) : limit_(std::move(limit)) {}

    /// Adds `bytes` for `object`/`field`; throws ModelError "<what> would need
    /// <bytes>; this machine can give <limit>" when the model no longer fits.
    void claim(double bytes, const std::string& object, const std::string& field,
               const std::string& what);
    /// Gives back what a claim took for something that no longer exists.
    void release(double bytes);
    /// Whether `bytes` more would fit; claims nothing.
    bool fits(double bytes) const { return bytes <= remaining(); }
    /// Throws the ModelError `claim` would throw for `bytes` more.
    [[noreturn]] void refuse(double bytes, const std::string& object, const std::string& field,
                             const std::string& what) const;

    /// Bytes still free; infinity when the limit is unknown.
    double remaining() const;
    const MemoryLimit& limit() const { return limit_; }

private:
    MemoryLimit limit_;
    double claimed_ = 0.0;
};

} // namespace spikestudio
