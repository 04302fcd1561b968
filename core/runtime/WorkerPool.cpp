#include "runtime/WorkerPool.h"

namespace spikestudio {

namespace {
/// Polls before sleeping: about the length of a few short simulation steps.
constexpr int kSpins = 4000;

inline void relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

/// Waits until `value` differs from `old`, spinning first; returns it.
template <typename T> T awaitChange(const std::atomic<T>& value, T old) {
    for (int spin = 0; spin < kSpins; ++spin) {
        const T now = value.load(std::memory_order_acquire);
        if (now != old)
            return now;
        relax();
    }
    for (;;) {
        value.wait(old, std::memory_order_acquire);
        const T now = value.load(std::memory_order_acquire);
        if (now != old)
            return now;
    }
}

// A ticket: the piece's number (high 32 bits), then its first and its last
// unclaimed part plus one (16 bits each).
constexpr std::uint64_t ticket(std::uint32_t piece, int front, int back) {
    return (std::uint64_t{piece} << 32) | (std::uint64_t(front) << 16) | std::uint64_t(back);
}
constexpr std::uint32_t pieceOf(std::uint64_t ticket) {
    return std::uint32_t(ticket >> 32);
}
constexpr int frontOf(std::uint64_t ticket) {
    return int((ticket >> 16) & 0xffff);
}
constexpr int backOf(std::uint64_t ticket) {
    return int(ticket & 0xffff);
}
} // namespace

WorkerPool::WorkerPool(int threads) {
    resize(threads);
}

WorkerPool::~WorkerPool() {
    stopWorkers();
}

void WorkerPool::resize(int threads) {
    stopWorkers();
    stopping_ = false;
    // Read here, not in the thread: work handed out before a worker first
    // runs must still count as new to it.
    const std::uint32_t current = wake_.load(std::memory_order_acquire);
    for (int k = 1; k < std::max(threads, 1); ++k)
        workers_.emplace_back([this, current] { serve(current); });
}

void WorkerPool::stopWorkers() {
    if (workers_.empty())
        return;
    stopping_ = true;
    wake_.fetch_add(1, std::memory_order_release);
    wake_.notify_all();
    for (std::thread& worker : workers_)
        worker.join();
    workers_.clear();
}

int WorkerPool::run(int parts, Part part, void* work) {
    if (parts <= 1 || workers_.empty()) {
        for (int k = 0; k < parts; ++k)
            part(work, k);
        return 0;
    }
    parts = std::min(parts, 0xffff);
    const std::uint32_t piece = ++pieces_;
    jobs_[piece & 1] = {part, work, parts};
    done_.store(0, std::memory_order_relaxed);
    ticket_.store(ticket(piece, 0, parts), std::memory_order_release);
    wake_.fetch_add(1, std::memory_order_release);
    wake_.notify_all();
    const int callersParts = claimParts(Side::Front);
    for (int finished = done_.load(std::memory_order_acquire); finished != parts;
         finished = done_.load(std::memory_order_acquire))
        awaitChange(done_, finished);
    return parts - callersParts;
}

int WorkerPool::claimParts(Side side) {
    int ran = 0;
    std::uint64_t current = ticket_.load(std::memory_order_acquire);
    for (;;) {
        const int front = frontOf(current);
        const int back = backOf(current);
        if (front >= back)
            return ran;
        const int claimed = side == Side::Front ? front : back - 1;
        const std::uint64_t next = side == Side::Front ? ticket(pieceOf(current), front + 1, back)
                                                       : ticket(pieceOf(current), front, back - 1);
        if (!ticket_.compare_exchange_weak(current, next, std::memory_order_acq_rel))
            continue; // `current` now holds the newer ticket
        // The piece is live until this part is done, so its job stands still
        // until then (and no longer: hence the copy).
        const Job job = jobs_[pieceOf(current) & 1];
        job.part(job.work, claimed);
        ++ran;
        if (done_.fetch_add(1, std::memory_order_acq_rel) + 1 == job.parts)
            done_.notify_all();
        current = ticket_.load(std::memory_order_acquire);
    }
}

void WorkerPool::serve(std::uint32_t seen) {
    for (;;) {
        seen = awaitChange(wake_, seen);
        if (stopping_)
            return;
        claimParts(Side::Back);
    }
}

} // namespace spikestudio
