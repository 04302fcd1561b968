#pragma once

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <thread>
#include <vector>

namespace spikestudio {

/// The threads one simulation runs on: the caller plus `threads - 1` workers
/// that wait between pieces of work. run() splits a piece into parts that
/// every thread, the caller included, claims one at a time, and returns when
/// all are done; so a step's operations still follow each other in Brian2's
/// order, and only the elements inside one operation are shared out.
///
/// Parts are claimed, not assigned: a worker the system has not scheduled
/// yet leaves its share to the others instead of holding the step up (a busy
/// machine would otherwise make a threaded run slower than one thread).
/// The caller claims from the first part on, the workers from the last one
/// back, so that with two threads each keeps its own half of the arrays call
/// after call, in its own core's cache, unless the other is late.
/// A waiting worker spins briefly, since a step is short and waking a
/// sleeping thread costs more than most parts, then sleeps on the atomic.
class WorkerPool {
public:
    using Part = void (*)(void* work, int part);

    explicit WorkerPool(int threads = 1);
    ~WorkerPool();
    WorkerPool(const WorkerPool&) = delete;
    WorkerPool& operator=(const WorkerPool&) = delete;

    /// Stops the workers and starts `threads - 1` new ones (never while run() runs).
    void resize(int threads);
    int threads() const { return static_cast<int>(workers_.size()) + 1; }

    /// The fewest elements worth a part of their own (smaller pieces run on
    /// the caller alone: handing them out would cost more than it saves).
    void setGrain(std::int64_t elements) { grain_ = std::max<std::int64_t>(elements, 1); }
    /// The least work, in nanoseconds of one thread's time, worth a part of
    /// its own: handing a part to a spinning worker and waiting for it costs
    /// about 0.3 µs on the development machine (bench/thread_affinity).
    /// 0 splits by the grain alone.
    void setPartTime(double nanoseconds) { partTime_ = std::max(nanoseconds, 0.0); }
    double partTime() const { return partTime_; }
    /// How many parts `elements` independent elements are split into by the
    /// grain alone.
    int partsFor(std::int64_t elements) const {
        return static_cast<int>(std::clamp<std::int64_t>(elements / grain_, 1, threads()));
    }
    /// partsFor(elements), fewer where a part would hold less than the part
    /// time's work at `nanosecondsEach` (no limit when the part time is 0).
    int partsWorth(std::int64_t elements, double nanosecondsEach) const {
        const int parts = partsFor(elements);
        if (partTime_ <= 0.0)
            return parts;
        const double worth = double(elements) * nanosecondsEach / partTime_;
        return static_cast<int>(std::clamp<double>(std::floor(worth), 1.0, double(parts)));
    }

    /// Calls part(work, k) once for every k in [0, parts), 1 <= parts <=
    /// 65535, on whichever threads claim them, and returns when all have
    /// returned: how many of them the workers ran (none when they were
    /// asleep or busy elsewhere and the caller ran every part itself).
    int run(int parts, Part part, void* work);

private:
    struct Job {
        Part part = nullptr;
        void* work = nullptr;
        int parts = 0;
    };
    enum class Side { Front, Back };

    /// Claims and runs parts of the current piece, from its first unclaimed
    /// part or from its last, until none is left; returns how many it ran.
    int claimParts(Side side);
    void stopWorkers();
    void serve(std::uint32_t seen);

    std::vector<std::thread> workers_;
    // A ticket packs the piece's number (high 32 bits), its first unclaimed
    // part and its last unclaimed part plus one (16 bits each): a claim is one
    // compare-exchange that fails once the piece is over, so a late worker
    // never runs a part of a piece that has ended or reads a job being replaced.
    std::atomic<std::uint64_t> ticket_{0};
    std::atomic<std::uint32_t> wake_{0}; // raised with each piece, and to stop
    std::atomic<int> done_{0};           // parts of the current piece finished
    std::uint32_t pieces_ = 0;
    Job jobs_[2]; // the current piece's and the one before (a late worker may still read it)
    bool stopping_ = false; // written before wake_ is raised
    std::int64_t grain_ = 64;
    double partTime_ = 500.0;
};

} // namespace spikestudio
