#include "run/RunController.h"

#include "diagnostics/FailureMessage.h"
#include "diagnostics/ModelError.h"
#include "engine/LiveEdit.h"
#include "engine/NativeTier.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelWriter.h"
#include "runtime/Network.h"
#include "runtime/NonFiniteWatch.h"
#include "storage/Project.h"
#include "storage/RunWriter.h"

#include <optional>

namespace spikestudio {

namespace {
// The plots redraw about 30 times a second; new data is handed over as often.
constexpr auto kPublishInterval = std::chrono::milliseconds(33);
} // namespace

RunController::RunController(QObject* parent) : QObject(parent) {}

RunController::~RunController() {
    stop();
    wait();
    tier_.reset(); // its compiler thread may still hold the network
}

bool RunController::isActive() const {
    const State state = state_.load();
    return state == State::Building || state == State::Running || state == State::Paused;
}

bool RunController::start(Model model, CheckOptions options, std::string projectPath) {
    if (isActive())
        return false;
    wait();                                   // a finished worker is joined before the next starts
    std::unique_ptr<NativeTier> previousTier; // joined after the lock is released
    {
        std::lock_guard lock(mutex_);
        constantNames_.clear();
        for (const auto& [name, text] : model.constants)
            constantNames_.push_back(name);
        pendingConstants_.clear();
        progress_ = {};
        message_.clear();
        networkReady_ = false;
        previousTier = std::move(tier_); // before the network it works on is replaced
        if (previousTier)
            previousTier->cancel();
        options_ = options;
    }
    previousTier.reset();
    stopRequested_ = false;
    pauseRequested_ = false;
    storedRunId_ = 0;
    setState(State::Building);
    worker_ = std::thread(&RunController::work, this, std::move(model), std::move(options),
                          std::move(projectPath));
    return true;
}

void RunController::pause() {
    if (state_.load() == State::Running)
        pauseRequested_ = true;
}

void RunController::resume() {
    {
        std::lock_guard lock(mutex_);
        pauseRequested_ = false;
    }
    resumed_.notify_all();
}

void RunController::stop() {
    stopRequested_ = true;
    resume();
}

void RunController::wait() {
    if (worker_.joinable())
        worker_.join();
}

bool RunController::setConstant(const std::string& name, double value) {
    std::lock_guard lock(mutex_);
    for (size_t k = 0; k < constantNames_.size(); ++k)
        if (constantNames_[k] == name) {
            pendingConstants_.emplace_back(k, value);
            return true;
        }
    return false;
}

RunProgress RunController::progress() const {
    std::lock_guard lock(mutex_);
    return progress_;
}

const Network* RunController::network() const {
    std::lock_guard lock(mutex_);
    return networkReady_ ? network_.get() : nullptr;
}

QString RunController::message() const {
    std::lock_guard lock(mutex_);
    return message_;
}

void RunController::setState(State state) {
    state_ = state;
    emit stateChanged(state);
}

void RunController::end(State state, const QString& message, bool built) {
    {
        std::lock_guard lock(mutex_);
        message_ = message;
        networkReady_ = built && network_ != nullptr;
    }
    setState(state);
    emit finished(state, message);
}

void RunController::work(Model model, CheckOptions options, std::string projectPath) {
    try {
        const std::string modelText = writeModelJson(model); // the run's own copy
        auto checked = std::make_shared<const CheckedModel>(checkModel(std::move(model), options));
        BuildReport report;
        auto network = buildNetwork(*checked, &report, &stopRequested_);
        live_.shapeLike(*network);
        {
            std::lock_guard lock(mutex_);
            network_ = std::move(network);
            progress_.duration = checked->duration;
            checked_ = checked;
            kernels_ = std::move(report.kernels);
            // libtcc runs the first steps; native code takes over when compiled.
            tier_ = startTier(TierMode::Auto, *network_, kernels_);
            progress_.tier = tier_->status().describe();
        }
        simulate(*checked, *network_, projectPath, modelText);
    } catch (const BuildCancelled&) {
        end(State::Stopped, {}, false);
    } catch (...) {
        end(State::Failed, QString::fromStdString(currentFailureMessage("running the model")));
    }
}

void RunController::simulate(const CheckedModel& checked, Network& network,
                             const std::string& projectPath, const std::string& modelText) {
    std::optional<Project> project;
    std::optional<RunWriter> writer;
    if (!projectPath.empty()) {
        // A new project takes the model it first runs, created with it in one step.
        project.emplace(Project::openOrCreate(projectPath, modelText));
        project->database().setLockWaitObserver([this](std::chrono::milliseconds waited) {
            std::lock_guard lock(mutex_);
            progress_.lockWait = std::chrono::duration<double>(waited).count();
        });
        writer.emplace(*project, network,
                       RunSettings{modelText, checked.duration, checked.dt, checked.seed});
        storedRunId_ = writer->runId();
    }
    NonFiniteWatch watch(network);
    runningSince_ = lastPublished_ = Clock::now();
    wallBeforePause_ = 0.0;
    setState(State::Running);
    network.run(checked.duration, [&] {
        return betweenSteps(network) && watch.keepGoing() && (!writer || flushed(*writer));
    });
    const bool finite = watch.scan();
    const auto& outOfMemory = network.memoryWatch().problem();
    live_.appendNewFrom(network);
    publishProgress(network, Clock::now());
    const State outcome = !finite || outOfMemory ? State::Failed
                          : stopRequested_       ? State::Stopped
                                                 : State::Finished;
    const QString message = !finite       ? QString::fromStdString(watch.found()->message())
                            : outOfMemory ? QString::fromStdString(*outOfMemory)
                                          : QString();
    if (writer)
        writer->finish(outcome == State::Finished  ? RunStatus::Finished
                       : outcome == State::Stopped ? RunStatus::Stopped
                                                   : RunStatus::Failed,
                       message.toStdString());
    end(outcome, message);
}

/// Stores the results due, then clears a lock wait the progress line showed.
bool RunController::flushed(RunWriter& writer) {
    writer.flushIfDue();
    std::lock_guard lock(mutex_);
    progress_.lockWait = 0.0;
    return true;
}

/// Between two steps: the only place the network changes hands or values.
bool RunController::betweenSteps(Network& network) {
    if (pauseRequested_.load())
        waitWhilePaused();
    if (stopRequested_.load())
        return false;
    applyPendingConstants(network);
    const auto now = Clock::now();
    if (now - lastPublished_ >= kPublishInterval) {
        lastPublished_ = now;
        live_.appendNewFrom(network);
        publishProgress(network, now);
    }
    return true;
}

void RunController::publishProgress(const Network& network, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    progress_.simulated = network.scheduler().time();
    progress_.wall = wallBeforePause_ + std::chrono::duration<double>(now - runningSince_).count();
    if (tier_) {
        const TierStatus tier = tier_->status();
        progress_.tier = tier.describe();
        progress_.nativeCode = tier.tier == KernelTier::Native;
    }
}

QString RunController::applyEdit(const Model& edited) {
    const State state = state_.load();
    if (state != State::Running && state != State::Paused)
        return tr("no run is going");
    std::unique_ptr<NativeTier> previousTier; // declared first: joined after the lock is released
    std::lock_guard lock(mutex_);
    try {
        const auto checked = std::make_shared<const CheckedModel>(checkModel(edited, options_));
        const std::string whyNot = LiveEdit::whyNot(*checked_, *checked);
        if (!whyNot.empty())
            return QString::fromStdString(whyNot + "; it takes effect at the next run");
        previousTier = std::move(tier_);
        if (previousTier)
            previousTier->cancel(); // its native code is never swapped in over the edit
        kernels_ = LiveEdit::apply(*checked_, *checked, *network_, kernels_);
        checked_ = checked;
        tier_ = startTier(TierMode::Auto, *network_, kernels_);
    } catch (...) {
        return QString::fromStdString(currentFailureMessage("applying the edit"));
    }
    return {};
}

void RunController::waitWhilePaused() {
    wallBeforePause_ += std::chrono::duration<double>(Clock::now() - runningSince_).count();
    setState(State::Paused);
    {
        std::unique_lock lock(mutex_);
        resumed_.wait(lock, [this] { return !pauseRequested_.load() || stopRequested_.load(); });
    }
    runningSince_ = Clock::now();
    if (!stopRequested_.load())
        setState(State::Running);
}

void RunController::applyPendingConstants(Network& network) {
    std::lock_guard lock(mutex_);
    for (const auto& [index, value] : pendingConstants_)
        network.constants()[index] = value;
    pendingConstants_.clear();
}

} // namespace spikestudio
