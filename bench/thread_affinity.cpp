// What it costs when a part of a kernel changes cores between calls: a
// memory-bound update (every element of an array multiplied, as a linear
// neuron's exact update does) on one thread, on two threads each keeping its
// half call after call, and on two threads swapping halves every call. The
// threads meet at a spinning barrier after each call, as WorkerPool's do.
// Why WorkerPool's caller claims parts from the front and its workers from
// the back (docs/architecture.md, Threads).
//   build/bench/thread_affinity [elements] [calls]
#include "runtime/WorkerPool.h"

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <thread>
#include <vector>

namespace {

enum class Halves { OneThread, Kept, Swapped };

void multiply(double* values, long from, long to) {
    for (long k = from; k < to; ++k)
        values[k] *= 0.9999999;
}

void relax() {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#else
    std::this_thread::yield();
#endif
}

/// Microseconds per call of `calls` calls over `values`, shared out as `halves` says.
double microsecondsPerCall(std::vector<double>& values, Halves halves, int calls) {
    const long size = static_cast<long>(values.size());
    // Each on its own cache line: sharing one with the caller's stack made
    // the barrier cost as much as the second thread saved in some builds.
    alignas(64) std::atomic<int> call{0};
    alignas(64) std::atomic<bool> workerDone{false};
    alignas(64) std::atomic<bool> stop{false};
    // Which half the caller runs in call `k`: the first one, or every other call the second.
    const auto callerHalf = [halves](int k) { return halves == Halves::Swapped ? k & 1 : 0; };
    std::thread worker([&] {
        for (int seen = 0;;) {
            int now;
            while ((now = call.load(std::memory_order_acquire)) == seen && !stop.load())
                relax();
            if (stop.load())
                return;
            seen = now;
            const int half = 1 - callerHalf(now);
            multiply(values.data(), half * size / 2, (half + 1) * size / 2);
            workerDone.store(true, std::memory_order_release);
        }
    });
    const auto start = std::chrono::steady_clock::now();
    for (int k = 1; k <= calls; ++k) {
        if (halves == Halves::OneThread) {
            multiply(values.data(), 0, size);
            continue;
        }
        workerDone.store(false, std::memory_order_relaxed);
        call.store(k, std::memory_order_release);
        const int half = callerHalf(k);
        multiply(values.data(), half * size / 2, (half + 1) * size / 2);
        while (!workerDone.load(std::memory_order_acquire))
            relax();
    }
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    stop.store(true);
    worker.join();
    return took.count() / calls;
}

struct PoolWork {
    double* values;
    long size;
};

void multiplyPart(void* work, int part) {
    const auto* pool = static_cast<PoolWork*>(work);
    multiply(pool->values, part * pool->size / 2, (part + 1) * pool->size / 2);
}

/// The same calls in two parts through the simulation's own WorkerPool: what
/// its claims and waits cost on top of the bare barrier above.
double microsecondsPerPoolCall(std::vector<double>& values, int calls) {
    spikestudio::WorkerPool pool(2);
    PoolWork work{values.data(), static_cast<long>(values.size())};
    const auto start = std::chrono::steady_clock::now();
    for (int k = 1; k <= calls; ++k)
        pool.run(2, multiplyPart, &work);
    const std::chrono::duration<double, std::micro> took = std::chrono::steady_clock::now() - start;
    return took.count() / calls;
}

} // namespace

int main(int argc, char** argv) {
    const long elements = argc > 1 ? std::atol(argv[1]) : 100000;
    const int calls = argc > 2 ? std::atoi(argv[2]) : 20000;
    if (elements < 2 || calls < 1) {
        std::fprintf(stderr, "usage: thread_affinity [elements >= 2] [calls >= 1]\n");
        return 1;
    }
    std::vector<double> values(static_cast<size_t>(elements), 1.0);
    std::printf("%ld elements, %d calls, three rounds; microseconds per call\n", elements, calls);
    std::printf(
        "| round | one thread | two, halves kept | two, halves swapped | two, WorkerPool |\n");
    std::printf("| ---: | ---: | ---: | ---: | ---: |\n");
    for (int round = 1; round <= 3; ++round) {
        const double one = microsecondsPerCall(values, Halves::OneThread, calls);
        const double kept = microsecondsPerCall(values, Halves::Kept, calls);
        const double swapped = microsecondsPerCall(values, Halves::Swapped, calls);
        const double pooled = microsecondsPerPoolCall(values, calls);
        std::printf("| %d | %.2f | %.2f | %.2f | %.2f |\n", round, one, kept, swapped, pooled);
    }
    return 0;
}
