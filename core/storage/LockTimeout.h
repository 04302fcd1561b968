#pragma once

#include <chrono>

namespace spikestudio {

/// How long a read or write waits for a project that another program has
/// locked before it fails: SPIKESTUDIO_LOCK_TIMEOUT seconds (0 to 3600,
/// decimals allowed), 30 s when unset.
class LockTimeout {
public:
    static constexpr const char* kVariable = "SPIKESTUDIO_LOCK_TIMEOUT";
    static constexpr std::chrono::milliseconds kDefault{30000};

    /// Throws StorageError naming the variable when its value is not a number
    /// of seconds in range.
    static std::chrono::milliseconds fromEnvironment();
};

} // namespace spikestudio
