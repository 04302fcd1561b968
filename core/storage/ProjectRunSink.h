#pragma once

#include "storage/Project.h"
#include "storage/RunSink.h"
#include "storage/RunWriter.h"

#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

namespace spikestudio {

/// Stores runs in a `.spikestudio` project (SQLite) through a RunWriter: the
/// storage backend every run uses today.
class ProjectRunSink : public RunSink {
public:
    /// Opens the project at `path` for writing; a new one is created holding
    /// `modelJson` (Project::openOrCreate). Throws StorageError.
    ProjectRunSink(const std::string& path, const std::string& modelJson);

    /// Called while a write waits for a lock another program holds.
    void setLockWaitObserver(std::function<void(std::chrono::milliseconds)> observer);
    void setFlushInterval(std::chrono::milliseconds interval) { interval_ = interval; }
    /// Stores the run as variant `membership.variant` of a sweep (SweepStore).
    void joinSweep(SweepMembership membership) { sweep_ = membership; }

    void begin(const RunSettings& settings, const Network& network) override;
    void flushIfDue() override;
    void flush() override;
    void finish(const RunOutcome& outcome) override;
    std::string describe() const override;

    /// The run's id in the project; 0 before begin().
    std::int64_t runId() const override { return writer_ ? writer_->runId() : 0; }
    const std::string& path() const { return project_.path(); }

private:
    Project project_;
    std::optional<RunWriter> writer_;
    std::chrono::milliseconds interval_{1000};
    std::optional<SweepMembership> sweep_;
};

} // namespace spikestudio
