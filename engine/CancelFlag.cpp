#include "engine/CancelFlag.h"

#include <cstdint>
#include <sys/eventfd.h>
#include <unistd.h>

namespace spikestudio {

CancelFlag::CancelFlag() : wakeDescriptor_(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK)) {}

CancelFlag::~CancelFlag() {
    if (wakeDescriptor_ >= 0)
        close(wakeDescriptor_);
}

void CancelFlag::request() {
    requested_.store(true, std::memory_order_release);
    if (wakeDescriptor_ < 0)
        return;
    const std::uint64_t one = 1;
    // Non-blocking: the counter stays readable (nobody reads it), which is all
    // a waiter needs; a full counter already means "readable".
    [[maybe_unused]] const ssize_t written = write(wakeDescriptor_, &one, sizeof one);
}

} // namespace spikestudio
