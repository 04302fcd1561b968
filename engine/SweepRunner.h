#pragma once

#include "engine/RunSession.h"
#include "sweep/SweepPlan.h"

#include <atomic>
#include <cstdint>
#include <cstddef>
#include <functional>
#include <memory>
#include <vector>

namespace spikestudio {

class Network;

/// How one variant of a sweep ended. A variant its values make invalid (a
/// refused model, a network too large) ends Failed with the reason, and the
/// sweep goes on.
struct SweepVariantOutcome {
    SweepVariant variant;
    RunReport report;
    double simulatedTime = 0.0;      // seconds the variant ran (0 when it never started)
    std::size_t kernels = 0;         // kernels its network runs
    std::size_t kernelsCompiled = 0; // of these, compiled for it (the others were cached)
};

/// Runs every variant of a sweep, each as its own RunSession, on a number of
/// worker threads. Variants share only what sessions share (the kernel caches:
/// variants differ in constants, which kernels read from an array, so a
/// sweep compiles each kernel once however many variants it has). Results do
/// not depend on the number of workers: each variant has its own network and
/// random stream, seeded from its model.
class SweepRunner {
public:
    /// Opens the sink of a variant whose model text is given (none: not stored).
    using SinkOpener = std::function<std::unique_ptr<RunSink>(const SweepVariant& variant,
                                                              const std::string& modelText)>;
    /// Called for every variant once it ended, on the worker that ran it, one
    /// call at a time. `network` is null when the variant ended before its
    /// network was built, and valid only during the call.
    using Finished =
        std::function<void(const SweepVariantOutcome& outcome, const Network* network)>;

    SweepRunner(Model base, SweepPlan plan, CheckOptions options, TierMode tier);

    void setSinkOpener(SinkOpener opener) { openSink_ = std::move(opener); }
    /// Runs only variants first..end-1 (a part of a sweep run elsewhere in parts).
    void restrictTo(std::size_t first, std::size_t end) {
        first_ = first;
        end_ = end;
    }

    /// Runs the variants on `jobs` threads (at least one) and returns how each
    /// ended, in variant order. Raising `cancel` stops the running variants
    /// (Stopped) and starts no more; those never started are left out.
    std::vector<SweepVariantOutcome> run(std::size_t jobs, const Finished& finished,
                                         const std::atomic<bool>* cancel = nullptr);

    const SweepPlan& plan() const { return plan_; }

private:
    SweepVariantOutcome runVariant(const SweepVariant& variant, const Finished& finished,
                                   const std::atomic<bool>* cancel);

    Model base_;
    SweepPlan plan_;
    CheckOptions options_;
    TierMode tier_;
    SinkOpener openSink_;
    std::size_t first_ = 0;
    std::size_t end_ = SIZE_MAX;
    std::mutex finishedMutex_; // one Finished call at a time
};

} // namespace spikestudio
