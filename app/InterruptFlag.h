#pragma once

#include <atomic>

namespace spikestudio {

/// Raised by the first SIGINT (Ctrl+C) or SIGTERM once watchInterrupts() ran,
/// so that a command stops its runs between two steps and keeps what it has;
/// a second signal ends the program at once (the default action).
const std::atomic<bool>& watchInterrupts();

/// Exit status of a command that stopped on request (128 + SIGINT, as shells do).
inline constexpr int kInterruptedStatus = 130;

} // namespace spikestudio
