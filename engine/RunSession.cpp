#include "engine/RunSession.h"

#include "diagnostics/ModelError.h"
#include "engine/LiveEdit.h"
#include "engine/ProtocolRun.h"
#include "engine/Stopwatch.h"
#include "runtime/Network.h"
#include "runtime/NonFiniteWatch.h"
#include "storage/StorageError.h"

#include <chrono>

namespace spikestudio {

namespace {

/// The tier an edit's kernels start on: a native compilation would block a
/// running network, so it goes to the background.
TierMode editTier(TierMode mode) {
    return mode == TierMode::Tcc ? TierMode::Tcc : TierMode::Auto;
}

} // namespace

RunSession::RunSession(Loader load, CheckOptions options, TierMode tier)
    : load_(std::move(load)), options_(std::move(options)), tierMode_(tier) {}

RunSession::~RunSession() {
    std::unique_ptr<NativeTier> tier;
    {
        std::lock_guard lock(mutex_);
        tier = std::move(tier_);
    }
    if (tier)
        tier->cancel();
    tier.reset(); // joins its thread before the network goes
}

std::shared_ptr<const CheckedModel> RunSession::model() const {
    std::lock_guard lock(mutex_);
    return checked_;
}

TierStatus RunSession::tierStatus() const {
    std::lock_guard lock(mutex_);
    return tier_ ? tier_->status() : TierStatus{};
}

RunReport RunSession::run(const Hooks& hooks) {
    const auto opened = Stopwatch::now();
    ModelSource source = load_();
    auto checked =
        std::make_shared<const CheckedModel>(checkModel(std::move(source.model), options_));
    RunTimings timings;
    timings.parseMs = millisecondsSince(opened);
    {
        std::lock_guard lock(mutex_);
        checked_ = checked;
    }
    BuildReport report;
    std::unique_ptr<Network> network;
    try {
        network = buildNetwork(*checked, &report, hooks.cancel);
    } catch (const BuildCancelled&) {
        RunReport stopped;
        stopped.status = RunStatus::Stopped;
        stopped.timings = timings;
        return stopped;
    }
    timings.codegenMs = report.timings.codegenMilliseconds;
    timings.compileMs = report.timings.compileMilliseconds;
    timings.setupMs = report.timings.setupMilliseconds;
    {
        std::lock_guard lock(mutex_);
        network_ = std::move(network);
        report_ = std::move(report);
    }
    network_->workers().setGrain(threads_.grain);
    network_->workers().setPartTime(threads_.partNanoseconds);
    network_->workers().resize(threads_.threads);
    // Opened once the network is built: a model that cannot run touches no project.
    if (openSink_)
        sink_ = openSink_(source.text);
    try {
        RunReport report = simulate(hooks, source, *checked, opened, timings);
        sink_.reset(); // the project closes with the run, not with the session
        return report;
    } catch (...) {
        sink_.reset(); // marks the stored run failed now, not when the session goes
        throw;
    }
}

RunReport RunSession::simulate(const Hooks& hooks, const ModelSource& source,
                               const CheckedModel& checked, Stopwatch::time_point opened,
                               RunTimings timings) {
    if (sink_)
        sink_->begin(RunSettings{source.text, checked.duration, checked.dt, checked.seed},
                     *network_);
    if (hooks.built)
        hooks.built(*network_);
    NonFiniteWatch watch(*network_);
    {
        std::lock_guard lock(mutex_);
        tier_ = startTier(tierMode_, *network_, report_.kernels);
    }
    timings.firstStepMs = millisecondsSince(opened);
    bool stopped = false;
    std::string storageFailure;
    const auto simulateStart = Stopwatch::now();
    try {
        timings.steps = runProtocol(*network_, checked, [&] {
            if (hooks.betweenSteps && !hooks.betweenSteps(*network_)) {
                stopped = true;
                return false;
            }
            if (nonFinite_ == NonFinitePolicy::Stop && !watch.keepGoing())
                return false;
            if (sink_)
                sink_->flushIfDue();
            return true;
        });
    } catch (const StorageError& error) {
        storageFailure = error.what();
        sink_.reset(); // stores the run as failed, with the reason the writer kept
    }
    timings.simulateMs = millisecondsSince(simulateStart);

    RunReport report;
    report.built = true;
    report.timings = timings;
    report.tier = tierStatus();
    const bool finite = watch.scan();
    const bool stopsOnNonFinite = nonFinite_ == NonFinitePolicy::Stop;
    if (!finite && !stopsOnNonFinite)
        report.warning = watch.found()->description() + "; the run went on";
    const auto& outOfMemory = network_->memoryWatch().problem();
    network_->solverWatch().keepGoing(*network_); // a failure in the last step too
    const auto& solverFailure = network_->solverWatch().problem();
    const std::string failure = !storageFailure.empty()       ? storageFailure
                                : solverFailure               ? *solverFailure
                                : !finite && stopsOnNonFinite ? watch.found()->message()
                                : outOfMemory                 ? *outOfMemory
                                                              : std::string();
    if (!failure.empty()) {
        report.status = RunStatus::Failed;
        report.message = failure;
    } else if (stopped) {
        report.status = RunStatus::Stopped;
    }
    report.statistics = computeRunStatistics(network_->spikeRecords(), network_->stateRecords(),
                                             double(timings.steps) * checked.dt);
    if (sink_) {
        try {
            report.stored = sink_->describe();
            sink_->finish(RunOutcome{report.status, report.message, timings.buildMs(),
                                     timings.simulateMs, runStatisticsJson(report.statistics)});
        } catch (const StorageError& error) {
            sink_.reset();
            report.stored.clear();
            report.status = RunStatus::Failed;
            report.message = error.what();
        }
    }
    return report;
}

std::string RunSession::applyEdit(const Model& edited) {
    std::unique_ptr<NativeTier> previousTier; // declared first: joined after the lock is released
    std::lock_guard lock(mutex_);
    if (!network_ || !checked_)
        return "no run is going";
    const auto checked = std::make_shared<const CheckedModel>(checkModel(edited, options_));
    const std::string whyNot = LiveEdit::whyNot(*checked_, *checked);
    if (!whyNot.empty())
        return whyNot + "; it takes effect at the next run";
    previousTier = std::move(tier_);
    if (previousTier)
        previousTier->cancel(); // its native code is never swapped in over the edit
    try {
        report_.kernels = LiveEdit::apply(*checked_, *checked, *network_, report_.kernels);
    } catch (...) {
        // Refused while building: the run goes on as it was, native tier included.
        tier_ = startTier(editTier(tierMode_), *network_, report_.kernels);
        throw;
    }
    checked_ = checked;
    tier_ = startTier(editTier(tierMode_), *network_, report_.kernels);
    return {};
}

} // namespace spikestudio
