#pragma once

#include <atomic>
#include <string>
#include <vector>

namespace spikestudio {

/// What running a program gave.
struct ProcessResult {
    bool started = false;
    bool cancelled = false;
    int exitCode = -1;  // -1 when it did not exit normally
    std::string output; // stdout and stderr together
};

/// Runs `arguments[0]` (a path, or a name looked up in PATH) with the rest as
/// its arguments — no shell in between — and waits for it. Setting `cancel`
/// from another thread kills it.
ProcessResult runProcess(const std::vector<std::string>& arguments,
                         const std::atomic<bool>* cancel = nullptr);

} // namespace spikestudio
