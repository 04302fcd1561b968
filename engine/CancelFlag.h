#pragma once

#include <atomic>

namespace spikestudio {

/// A request to stop work under way, set from any thread. Besides the flag it
/// holds a descriptor that becomes readable when the request is made, so a
/// thread waiting in poll() for a child process wakes at once instead of
/// looking at the flag from time to time.
class CancelFlag {
public:
    CancelFlag();
    ~CancelFlag();
    CancelFlag(const CancelFlag&) = delete;
    CancelFlag& operator=(const CancelFlag&) = delete;

    /// Sets the flag and wakes every waiter. Never blocks.
    void request();
    bool requested() const { return requested_.load(std::memory_order_acquire); }
    /// Readable once request() has been called; -1 when the system gave no
    /// descriptor (waiters then look at the flag every few milliseconds).
    int wakeDescriptor() const { return wakeDescriptor_; }

private:
    std::atomic<bool> requested_{false};
    int wakeDescriptor_ = -1;
};

} // namespace spikestudio
