#include "InterruptFlag.h"

#include <csignal>

namespace spikestudio {
namespace {

std::atomic<bool> interrupted{false};
static_assert(std::atomic<bool>::is_always_lock_free, "set from a signal handler");

extern "C" void raiseInterruptFlag(int signal) {
    interrupted.store(true);
    std::signal(signal, SIG_DFL); // the next one ends the program
}

} // namespace

const std::atomic<bool>& watchInterrupts() {
    struct sigaction action {};
    action.sa_handler = raiseInterruptFlag;
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);
    return interrupted;
}

} // namespace spikestudio
