#pragma once

#include "analysis/RunStatistics.h"
#include "engine/NativeTier.h"
#include "engine/NetworkBuilder.h"
#include "model/CheckedModel.h"
#include "model/Model.h"
#include "storage/RunSink.h"
#include "storage/RunStatus.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <string>

namespace spikestudio {

class Network;

/// A model as a run starts from it: what it says and its exact text (the
/// snapshot a stored run keeps).
struct ModelSource {
    Model model;
    std::string text;
};

/// Milliseconds each stage of a run took.
struct RunTimings {
    double parseMs = 0.0; // reading and checking the model
    double codegenMs = 0.0;
    double compileMs = 0.0;
    double setupMs = 0.0;     // arrays, initial values, monitors
    double firstStepMs = 0.0; // from opening the model to the first step
    double simulateMs = 0.0;
    long long steps = 0;

    double buildMs() const { return codegenMs + compileMs + setupMs; }
};

/// How many threads a run's kernels share their elements on, and the least
/// work worth a thread: elements, and nanoseconds of one thread's time
/// (runtime/WorkerPool.h). Any choice gives the same bits; one thread is the
/// default of a session, the command line and the app choose the machine's cores.
struct ThreadOptions {
    int threads = 1;
    std::int64_t grain = 64;
    double partNanoseconds = 500.0;
};

/// What a run does when a state variable becomes NaN or infinite: stop and
/// fail (Spike Studio's default), or go on and warn at the end, as Brian2 does.
enum class NonFinitePolicy { Stop, Continue };

/// How a run ended: finished, stopped (by the caller, or cancelled before
/// its network was built) or failed (a non-finite value, the memory watch,
/// storage refusing, e.g. a lock held too long), with the message saying why.
struct RunReport {
    RunStatus status = RunStatus::Finished;
    std::string message;
    std::string warning; // a finished run's caveat (a NaN it went on with); empty: none
    bool built = false;  // false: the run ended before its network was built
    std::string stored;  // where the results went (RunSink::describe); empty: nowhere
    RunTimings timings;
    TierStatus tier;
    RunStatistics statistics; // of what the monitors recorded, over the steps run
};

/// One run of one model, without Qt, for the command line and the desktop
/// app alike: load → check → build → open the sink → tier → run → finish.
/// The caller's hooks run between steps (pause, stop, live constants,
/// publishing results) and may cancel the build.
///
/// Sessions share no mutable state: each has its own model, network, random
/// generator (seeded from the checked model), tier and sink. What a process
/// shares between sessions is read-only or guarded (see docs/architecture.md,
/// "Run path"), so sessions may run on different threads at once.
class RunSession {
public:
    using Loader = std::function<ModelSource()>;
    /// Opens the sink for a run of a model whose text is given, once its
    /// network is built (a model that cannot run touches no storage).
    using SinkOpener = std::function<std::unique_ptr<RunSink>(const std::string& modelText)>;

    struct Hooks {
        /// The network is built and about to run; network() is valid from now on.
        std::function<void(Network&)> built;
        /// Between two steps on the simulation thread; false stops the run.
        std::function<bool(Network&)> betweenSteps;
        /// Raised to cancel the build (the run ends Stopped, nothing built).
        const std::atomic<bool>* cancel = nullptr;
    };

    RunSession(Loader load, CheckOptions options, TierMode tier = TierMode::Auto);
    ~RunSession(); // the tier first: its compiler thread may hold the network
    RunSession(const RunSession&) = delete;
    RunSession& operator=(const RunSession&) = delete;

    void setSinkOpener(SinkOpener opener) { openSink_ = std::move(opener); }
    void setNonFinitePolicy(NonFinitePolicy policy) { nonFinite_ = policy; }
    void setThreads(ThreadOptions threads) { threads_ = threads; }

    /// Runs the session once. Throws UserError (ModelError, StorageError)
    /// for what stops it before the first step: a bad model, a bad project,
    /// a network that cannot be built.
    RunReport run(const Hooks& hooks);

    /// Valid once the `built` hook ran (and after the run).
    Network& network() { return *network_; }
    const Network& network() const { return *network_; }
    bool hasNetwork() const { return network_ != nullptr; }
    const BuildReport& buildReport() const { return report_; }
    /// The sink while the run goes on (the `built` hook on); closed when it ends.
    RunSink* sink() { return sink_.get(); }

    /// The model the kernels run now (an applied edit replaces it). Thread-safe.
    std::shared_ptr<const CheckedModel> model() const;
    /// Where the kernels stand. Thread-safe.
    TierStatus tierStatus() const;
    /// Swaps an edited model's equations into the running network at the
    /// next step (LiveEdit), compiled with libtcc at once and natively in the
    /// background. Returns why not, or an empty string. Thread-safe.
    std::string applyEdit(const Model& edited);

private:
    /// `checked`: the model as the run started (an edit may replace checked_).
    RunReport simulate(const Hooks& hooks, const ModelSource& source, const CheckedModel& checked,
                       std::chrono::steady_clock::time_point opened, RunTimings timings);

    Loader load_;
    CheckOptions options_;
    TierMode tierMode_;
    SinkOpener openSink_;
    NonFinitePolicy nonFinite_ = NonFinitePolicy::Stop;
    ThreadOptions threads_;

    mutable std::mutex mutex_; // guards checked_, report_ and tier_ against applyEdit
    std::shared_ptr<const CheckedModel> checked_;
    std::unique_ptr<RunSink> sink_;
    std::unique_ptr<Network> network_;
    BuildReport report_;
    std::unique_ptr<NativeTier> tier_; // after network_: destroyed first
};

} // namespace spikestudio
