#include "run/RunController.h"

#include "diagnostics/FailureMessage.h"
#include "model/ModelWriter.h"
#include "runtime/Network.h"
#include "storage/RunSinks.h"

namespace spikestudio {

namespace {
// The plots redraw about 30 times a second; new data is handed over as often.
constexpr auto kPublishInterval = std::chrono::milliseconds(33);
} // namespace

RunController::RunController(QObject* parent) : QObject(parent) {}

RunController::~RunController() {
    stop();
    wait();
}

bool RunController::isActive() const {
    const State state = state_.load();
    return state == State::Building || state == State::Running || state == State::Paused;
}

bool RunController::start(Model model, CheckOptions options, std::string projectPath) {
    if (isActive())
        return false;
    wait();                               // a finished worker is joined before the next starts
    std::unique_ptr<RunSession> previous; // destroyed after the lock is released
    {
        std::lock_guard lock(mutex_);
        constantNames_.clear();
        for (const auto& [name, text] : model.constants)
            constantNames_.push_back(name);
        pendingConstants_.clear();
        progress_ = {};
        message_.clear();
        networkReady_ = false;
        running_ = false;
        previous = std::move(session_);
        // The model is written out on the worker: the run's own copy of its text.
        session_ = std::make_unique<RunSession>(
            [model = std::move(model)] {
                return ModelSource{model, writeModelJson(model)};
            },
            options, TierMode::Auto);
        session_->setThreads({.threads = threads_});
    }
    previous.reset();
    stopRequested_ = false;
    pauseRequested_ = false;
    storedRunId_ = 0;
    setState(State::Building);
    worker_ = std::thread(&RunController::work, this, std::move(projectPath));
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
    return networkReady_ ? &session_->network() : nullptr;
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
        networkReady_ = built && session_ && session_->hasNetwork();
        running_ = false;
    }
    setState(state);
    emit finished(state, message);
}

void RunController::work(std::string projectPath) {
    try {
        RunSession& session = *session_;
        if (!projectPath.empty())
            session.setSinkOpener([this, projectPath](const std::string& modelText) {
                RunSinkOptions options;
                options.lockWaitObserver = [this](std::chrono::milliseconds waited) {
                    std::lock_guard lock(mutex_);
                    progress_.lockWait = std::chrono::duration<double>(waited).count();
                };
                return openRunSink(projectPath, modelText, options);
            });
        RunSession::Hooks hooks;
        hooks.cancel = &stopRequested_;
        hooks.built = [this, &session](Network& network) {
            live_.shapeLike(network.results());
            if (RunSink* sink = session.sink())
                storedRunId_ = sink->runId();
            {
                std::lock_guard lock(mutex_);
                progress_.duration = session.model()->duration;
                running_ = true;
            }
            runningSince_ = lastPublished_ = Clock::now();
            wallBeforePause_ = 0.0;
            setState(State::Running);
        };
        hooks.betweenSteps = [this](Network& network) { return betweenSteps(network); };
        const RunReport report = session.run(hooks);
        if (!report.built)
            return end(State::Stopped, {}, false);
        live_.appendNewFrom(session.network().results());
        publishProgress(session.network(), Clock::now());
        const State outcome = report.status == RunStatus::Failed    ? State::Failed
                              : report.status == RunStatus::Stopped ? State::Stopped
                                                                    : State::Finished;
        end(outcome, QString::fromStdString(report.message));
    } catch (...) {
        end(State::Failed, QString::fromStdString(currentFailureMessage("running the model")));
    }
}

/// Between two steps: the only place the network changes hands or values.
bool RunController::betweenSteps(Network& network) {
    if (pauseRequested_.load())
        waitWhilePaused();
    if (stopRequested_.load())
        return false;
    applyPendingConstants(network);
    const auto now = Clock::now();
    {
        std::lock_guard lock(mutex_);
        progress_.lockWait = 0.0; // a flush that waited for a lock has ended
    }
    if (now - lastPublished_ >= kPublishInterval) {
        lastPublished_ = now;
        live_.appendNewFrom(network.results());
        publishProgress(network, now);
    }
    return true;
}

void RunController::publishProgress(const Network& network, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    progress_.simulated = network.scheduler().time();
    progress_.wall = wallBeforePause_ + std::chrono::duration<double>(now - runningSince_).count();
    if (running_) {
        const TierStatus tier = session_->tierStatus();
        progress_.tier = tier.describe();
        progress_.nativeCode = tier.tier == KernelTier::Native;
    }
}

QString RunController::applyEdit(const Model& edited) {
    const State state = state_.load();
    if (state != State::Running && state != State::Paused)
        return tr("no run is going");
    try {
        return QString::fromStdString(session_->applyEdit(edited));
    } catch (...) {
        return QString::fromStdString(currentFailureMessage("applying the edit"));
    }
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
