#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

class CancelFlag;

/// What running a program gave.
struct ProcessResult {
    bool started = false;
    bool cancelled = false; // killed because `cancel` was requested
    bool timedOut = false;  // killed because it ran out of time
    int exitCode = -1;      // -1 when it did not exit normally
    std::string output;     // stdout and stderr together, at most `maxOutput` bytes
};

/// How long a program may run and how much it may say.
struct ProcessLimits {
    std::optional<std::chrono::milliseconds> timeout; // none: as long as it takes
    const CancelFlag* cancel = nullptr;
    std::size_t maxOutput = 64 * 1024; // the rest is read and dropped
};

/// Runs `arguments[0]` (a path, or a name looked up in PATH) with the rest as
/// its arguments — no shell in between — and waits for it. The program runs
/// in a process group of its own: on timeout or cancel the whole group is
/// killed (a compiler driver's cc1, as and ld too), and this returns at once
/// even if a process outside the group still holds its output open.
ProcessResult runProcess(const std::vector<std::string>& arguments,
                         const ProcessLimits& limits = {});

} // namespace spikestudio
