#pragma once

#include "engine/RunSession.h"
#include "model/CheckedModel.h"
#include "run/LiveRecords.h"
#include "run/RunProgress.h"

#include <QObject>
#include <QString>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace spikestudio {

class Network;

/// Runs a model on a worker thread so that the GUI never blocks: a
/// RunSession (check, build, simulate, store) whose hooks give pause, resume
/// and stop between steps, live constants, progress, and the monitors' new
/// data handed to the plots (LiveRecords). A stopped run keeps its results up
/// to the stop; a run whose numbers turn NaN or infinite fails with the
/// variable named. With a project path every run is stored as it goes.
class RunController : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Building, Running, Paused, Finished, Stopped, Failed };
    Q_ENUM(State)

    explicit RunController(QObject* parent = nullptr);
    ~RunController() override; // stops a run still going and waits for it

    /// Starts `model` on the worker thread; false when a run is still going.
    bool start(Model model, CheckOptions options = {}, std::string projectPath = {});
    /// The threads the next run shares its elements between (1: the worker
    /// thread alone); the numbers are the same bits for any count.
    void setThreads(int threads) { threads_ = std::max(threads, 1); }
    int threads() const { return threads_; }
    void pause();
    void resume();
    void stop();
    /// Waits until the current run has ended (tests; closing the window).
    void wait();

    /// Sets model constant `name` (SI value) from the next step on; false when
    /// the model has no such constant.
    bool setConstant(const std::string& name, double value);

    /// Swaps an edited model's neuron equations (threshold, reset,
    /// refractoriness, method, constants' values) into the running network at
    /// the next step, state kept, compiled with libtcc at once and natively in
    /// the background. Returns why not (a structural edit, an invalid model,
    /// no run going), or an empty string when the edit is on its way.
    QString applyEdit(const Model& edited);

    State state() const { return state_.load(); }
    bool isActive() const;
    RunProgress progress() const;
    const LiveRecords& live() const { return live_; }
    /// The id the current or last run has in its project (0: not stored).
    std::int64_t storedRunId() const { return storedRunId_.load(); }
    /// The last run's network once it has ended (null before and during a run).
    const Network* network() const;
    QString message() const;

signals:
    void stateChanged(spikestudio::RunController::State state);
    void finished(spikestudio::RunController::State state, const QString& message);

private:
    void work(std::string projectPath);
    bool betweenSteps(Network& network);
    void waitWhilePaused();
    void applyPendingConstants(Network& network);
    void publishProgress(const Network& network, std::chrono::steady_clock::time_point now);
    void setState(State state);
    /// `built`: false when the run ended before its network was built.
    void end(State state, const QString& message, bool built = true);

    using Clock = std::chrono::steady_clock;

    std::thread worker_;
    std::atomic<State> state_{State::Idle};
    std::atomic<bool> stopRequested_{false};
    std::atomic<bool> pauseRequested_{false};
    std::atomic<std::int64_t> storedRunId_{0};

    mutable std::mutex mutex_; // guards what follows
    std::condition_variable resumed_;
    std::vector<std::string> constantNames_;
    std::vector<std::pair<size_t, double>> pendingConstants_;
    RunProgress progress_;
    QString message_;
    std::unique_ptr<RunSession> session_;
    int threads_ = 1;
    bool networkReady_ = false;
    bool running_ = false; // the session's network is built and runs

    Clock::time_point runningSince_;
    Clock::time_point lastPublished_;
    double wallBeforePause_ = 0.0;
    LiveRecords live_;
};

} // namespace spikestudio
