#pragma once

#include "storage/RunSettings.h"
#include "storage/RunStatus.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

class Database;
struct MonitorRecord;
class Network;
class Project;
class SqlStatement;
class StorageError;
struct SpikeRecord;

/// Records one run of `network` into a project while it runs. The records of
/// a Network only grow; flush() stores what was added since the last flush,
/// as one chunk per monitor, in one transaction. A process killed at any
/// moment leaves the run with its results up to the last committed flush
/// (reported Interrupted when opened again).
///
/// Call flush()/flushIfDue() from the thread that runs the network, between
/// steps (Network::run's keepGoing is the place). The writer must not outlive
/// the network or the project.
class RunWriter {
public:
    /// Adds the run (status running) and its monitors to the project.
    RunWriter(Project& project, const Network& network, const RunSettings& settings);
    /// A run never finished (an exception unwound past it) is marked failed.
    ~RunWriter();
    RunWriter(const RunWriter&) = delete;
    RunWriter& operator=(const RunWriter&) = delete;

    std::int64_t runId() const { return runId_; }

    /// Stores everything recorded since the last flush; throws StorageError
    /// (the file keeps its last committed state; a later flush retries).
    /// A project another program keeps locked makes it wait (LockTimeout),
    /// then fail with a message naming the lock.
    void flush();
    /// flush() when the flush interval has passed since the last one; returns true.
    /// Cheap enough to call every step.
    bool flushIfDue();
    void setFlushInterval(std::chrono::milliseconds interval) { interval_ = interval; }

    /// Milliseconds spent building (codegen, compile, setup) and simulating;
    /// nullopt stores none.
    void setTimings(std::optional<double> buildMilliseconds,
                    std::optional<double> simulateMilliseconds);

    /// Stores the rest of the results and the status (Finished, Stopped or
    /// Failed) with `message`, in one transaction.
    void finish(RunStatus status, const std::string& message = {});
    /// The run's statistics (JSON), stored by finish(); empty: none.
    void setStatistics(std::string json) { statisticsJson_ = std::move(json); }

private:
    struct Progress {
        std::int64_t monitorId = 0;
        double dt = 0.0;    // the record's dt; 0 when unknown
        size_t stored = 0;  // spikes or rows already in the file
        size_t pending = 0; // stored once the current transaction commits
    };

    void insertRun(const RunSettings& settings);
    void insertMonitors();
    std::int64_t insertMonitor(size_t position, const MonitorRecord& record, const char* type,
                               std::int64_t sourceSize);
    void finishTransaction(RunStatus status, const std::string& message);
    void writeNewResults();
    void writeSpikes(size_t record, Progress& progress);
    void writeEventRows(const SpikeRecord& events, Progress& progress);
    void writeCounts(const SpikeRecord& counts, Progress& progress);
    void writeRows(std::size_t columns, const std::vector<double>& times,
                   const std::vector<double>& values, Progress& progress);
    void insertChunk(const Progress& progress, size_t first, size_t count, const char* format);
    void commitProgress();
    /// `error` with what it means for this run: where it stopped, what is kept.
    [[noreturn]] void failStoring(const StorageError& error);

    Database& database_;
    const Network& network_;
    std::int64_t runId_ = 0;
    std::vector<Progress> spikes_, states_, rates_;
    std::vector<std::byte> buffer_;
    std::optional<double> buildMilliseconds_, simulateMilliseconds_;
    std::chrono::milliseconds interval_{1000};
    std::chrono::steady_clock::time_point lastFlush_;
    bool finished_ = false;
    std::string statisticsJson_;
    double storedTime_ = 0.0; // simulated time of the last committed flush
    std::string failure_;     // why the last write failed, for the run's message
    bool lockedOut_ = false;  // the last write gave up waiting for a lock
};

} // namespace spikestudio
