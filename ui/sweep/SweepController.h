#pragma once

#include "sweep/SweepRequest.h"
#include "sweep/SweepThumbnail.h"

#include <QObject>
#include <QString>
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <thread>

namespace spikestudio {

/// How one run of a sweep ended, as the GUI thread receives it.
struct SweepVariantResult {
    std::size_t variant = 0;
    enum class Status { Finished, Stopped, Failed } status = Status::Finished;
    QString message;          // why it did not finish
    bool built = false;       // false: it ended before its network was built, nothing stored
    SweepThumbnail thumbnail; // of the first SpikeMonitor; empty when none recorded
};

/// Runs a sweep on a worker thread (SweepRunner, its own threads under it)
/// so that the GUI never blocks: records the sweep in the project first, then
/// stores every variant there as a run of that sweep, and hands each ended
/// variant's thumbnail to the GUI thread (variantEnded). Cancel stops the
/// running variants and starts no more; what ended stays stored.
class SweepController : public QObject {
    Q_OBJECT

public:
    explicit SweepController(QObject* parent = nullptr);
    ~SweepController() override; // cancels a sweep still going and waits for it

    /// Starts the sweep, stored in `projectPath`; an error message (the
    /// project refused it, a sweep still going), or an empty string.
    QString start(SweepRequest request, const std::string& projectPath);
    void cancel();
    /// Waits until the sweep has ended (tests; closing the window).
    void wait();

    bool isRunning() const { return running_; }
    bool wasCancelled() const { return cancel_.load(); }
    std::int64_t sweepId() const { return sweepId_; }
    const std::string& projectPath() const { return projectPath_; }
    /// The stored run of `variant` (0: not stored, or no such run).
    std::int64_t runOf(std::size_t variant) const;

signals:
    void variantEnded(const spikestudio::SweepVariantResult& result);
    /// Every variant ended, or the sweep was cancelled and the running ones stopped.
    void finished(bool cancelled);

private:
    void join();

    std::thread worker_;
    std::atomic<bool> cancel_{false};
    bool running_ = false;
    std::int64_t sweepId_ = 0;
    std::string projectPath_;
};

} // namespace spikestudio

Q_DECLARE_METATYPE(spikestudio::SweepVariantResult)
