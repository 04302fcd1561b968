#include "storage/RunWriter.h"

#include "runtime/Network.h"
#include "storage/ChunkCodec.h"
#include "storage/Database.h"
#include "storage/DimensionText.h"
#include "storage/ProcessIdentity.h"
#include "storage/Project.h"
#include "storage/SqlNow.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"
#include "storage/Transaction.h"

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <stdexcept>

namespace spikestudio {

namespace {

// About 1 MiB per chunk: few rows in the chunks table, small enough to read piecewise.
constexpr size_t kChunkBytes = 1 << 20;

// The `element` of a column recorded per event rather than of one element.
constexpr long long kPerEvent = -1;

} // namespace

RunWriter::RunWriter(Project& project, const Network& network, const RunSettings& settings)
    : database_(project.database()), network_(network),
      lastFlush_(std::chrono::steady_clock::now()) {
    Transaction transaction(database_);
    insertRun(settings);
    insertMonitors();
    database_
        .prepare("INSERT OR REPLACE INTO project (key, value) VALUES ('written_with', "
                 "'Spike Studio " SPIKESTUDIO_VERSION "')")
        .run();
    transaction.commit();
}

RunWriter::~RunWriter() {
    if (finished_)
        return;
    try {
        if (lockedOut_) // waiting again for the same lock would only delay the error
            database_.setBusyTimeout(std::chrono::milliseconds(0));
        database_
            .prepare(std::string("UPDATE runs SET status = 'failed', message = ?, finished_at = ") +
                     kSqlNow + " WHERE id = ?")
            .bind(1, "the run ended without finishing (" +
                         (failure_.empty() ? std::string("an error stopped it") : failure_) + ")")
            .bind(2, runId_)
            .run();
    } catch (const StorageError&) {
        // Left as running: reported interrupted once this process has ended.
    }
}

void RunWriter::insertRun(const RunSettings& settings) {
    SqlStatement insert = database_.prepare(
        std::string("INSERT INTO runs (started_at, duration, dt, seed, model_json, status, "
                    "writer, sweep_id, sweep_variant) VALUES (") +
        kSqlNow + ", ?, ?, ?, ?, 'running', ?, ?, ?)");
    insert.bind(1, settings.duration)
        .bind(2, settings.dt)
        .bind(3, static_cast<std::int64_t>(settings.seed))
        .bind(4, settings.modelJson)
        .bind(5, ProcessIdentity::current());
    if (settings.sweep)
        insert.bind(6, settings.sweep->sweepId).bind(7, settings.sweep->variant);
    else
        insert.bindNull(6).bindNull(7);
    insert.run();
    runId_ = database_.lastInsertId();
}

void RunWriter::insertMonitors() {
    size_t position = 0;
    SqlStatement column = database_.prepare(
        "INSERT INTO monitor_columns (monitor_id, position, variable, element, unit, dimension) "
        "VALUES (?, ?, ?, ?, ?, ?)");
    const auto insertColumn = [&column](std::int64_t id, size_t position,
                                        const std::string& variable, long long element,
                                        const Dimension& dim) {
        column.bind(1, id)
            .bind(2, static_cast<std::int64_t>(position))
            .bind(3, variable)
            .bind(4, static_cast<std::int64_t>(element))
            .bind(5, dim.unitSymbol())
            .bind(6, DimensionText::format(dim))
            .run();
    };
    for (const SpikeRecord& record : network_.spikeRecords()) {
        const std::int64_t id = insertMonitor(
            position++, record, "spike", static_cast<std::int64_t>(record.countPerNeuron.size()));
        spikes_.push_back({id, record.dt});
        // A spike monitor's columns are values per event: no element of their own.
        for (size_t c = 0; c < record.columns.size(); ++c)
            insertColumn(id, c, record.columns[c].variable, kPerEvent, record.columns[c].dim);
    }
    position = 0;
    for (const StateRecord& record : network_.stateRecords()) {
        const std::int64_t id = insertMonitor(position++, record, "state", 0);
        states_.push_back({id, record.dt});
        for (size_t c = 0; c < record.columns.size(); ++c)
            insertColumn(id, c, record.columns[c].variable, record.columns[c].index,
                         record.columns[c].dim);
    }
    position = 0;
    for (const RateRecord& record : network_.rateRecords())
        rates_.push_back({insertMonitor(position++, record, "rate", 0), record.dt});
}

std::int64_t RunWriter::insertMonitor(size_t position, const MonitorRecord& record,
                                      const char* type, std::int64_t sourceSize) {
    database_
        .prepare("INSERT INTO monitors (run_id, position, name, type, source, source_size, dt) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?)")
        .bind(1, runId_)
        .bind(2, static_cast<std::int64_t>(position))
        .bind(3, record.monitor)
        .bind(4, type)
        .bind(5, record.source)
        .bind(6, sourceSize)
        .bind(7, record.dt)
        .run();
    return database_.lastInsertId();
}

void RunWriter::flush() {
    try {
        Transaction transaction(database_);
        writeNewResults();
        transaction.commit();
    } catch (const StorageError& error) {
        failStoring(error);
    }
    commitProgress();
}

void RunWriter::failStoring(const StorageError& error) {
    const int code = error.sqliteCode() & 0xff;
    lockedOut_ = code == SQLITE_BUSY || code == SQLITE_LOCKED;
    failure_ = error.what();
    char times[160];
    std::snprintf(times, sizeof times,
                  "; the run stopped at t = %g s, its results up to t = %g s stay in the project",
                  network_.scheduler().time(), storedTime_);
    throw StorageError(failure_ + times, error.sqliteCode());
}

bool RunWriter::flushIfDue() {
    if (std::chrono::steady_clock::now() - lastFlush_ < interval_)
        return true;
    flush();
    return true;
}

void RunWriter::setTimings(std::optional<double> buildMilliseconds,
                           std::optional<double> simulateMilliseconds) {
    buildMilliseconds_ = buildMilliseconds;
    simulateMilliseconds_ = simulateMilliseconds;
}

void RunWriter::finish(RunStatus status, const std::string& message) {
    if (status == RunStatus::Running || status == RunStatus::Interrupted)
        throw std::invalid_argument("a run finishes as finished, stopped or failed");
    try {
        finishTransaction(status, message);
    } catch (const StorageError& error) {
        failStoring(error);
    }
    commitProgress();
    finished_ = true;
}

void RunWriter::finishTransaction(RunStatus status, const std::string& message) {
    Transaction transaction(database_);
    writeNewResults();
    SqlStatement update = database_.prepare(
        std::string("UPDATE runs SET status = ?, message = ?, build_ms = ?, simulate_ms = ?, "
                    "finished_at = ") +
        kSqlNow + " WHERE id = ?");
    update.bind(1, runStatusName(status)).bind(2, message).bind(5, runId_);
    buildMilliseconds_ ? update.bind(3, *buildMilliseconds_) : update.bindNull(3);
    simulateMilliseconds_ ? update.bind(4, *simulateMilliseconds_) : update.bindNull(4);
    update.run();
    if (!statisticsJson_.empty())
        database_
            .prepare(
                "INSERT OR REPLACE INTO run_statistics (run_id, statistics_json) VALUES (?, ?)")
            .bind(1, runId_)
            .bind(2, statisticsJson_)
            .run();
    transaction.commit();
}

void RunWriter::writeNewResults() {
    for (size_t k = 0; k < spikes_.size(); ++k)
        writeSpikes(k, spikes_[k]);
    for (size_t k = 0; k < states_.size(); ++k) {
        const StateRecord& record = network_.stateRecords()[k];
        writeRows(record.columns.size(), record.times, record.values, states_[k]);
    }
    for (size_t k = 0; k < rates_.size(); ++k) {
        const RateRecord& record = network_.rateRecords()[k];
        writeRows(1, record.times, record.rates, rates_[k]);
    }
    database_.prepare("UPDATE runs SET simulated_time = ? WHERE id = ?")
        .bind(1, network_.scheduler().time())
        .bind(2, runId_)
        .run();
}

void RunWriter::writeSpikes(size_t record, Progress& progress) {
    const SpikeRecord& spikes = network_.spikeRecords()[record];
    if (!spikes.keepsEvents)
        return writeCounts(spikes, progress);
    if (!spikes.columns.empty())
        return writeEventRows(spikes, progress);
    constexpr size_t kPerChunk = kChunkBytes / 8;
    for (size_t first = progress.stored; first < spikes.indices.size(); first += kPerChunk) {
        const size_t count = std::min(kPerChunk, spikes.indices.size() - first);
        const std::span<const std::int32_t> indices(spikes.indices.data() + first, count);
        const std::span<const double> times(spikes.times.data() + first, count);
        const bool steps = ChunkCodec::packSpikeStepRuns(indices, times, progress.dt, buffer_);
        if (!steps)
            ChunkCodec::packSpikeTimes(indices, times, buffer_);
        insertChunk(progress, first, count, steps ? "spike_step_runs" : "spike_times");
    }
    progress.pending = spikes.indices.size();
}

/// A monitor that only counts keeps one chunk, its counts so far, replaced
/// at every flush (within the flush's transaction).
void RunWriter::writeCounts(const SpikeRecord& counts, Progress& progress) {
    database_.prepare("DELETE FROM chunks WHERE monitor_id = ?").bind(1, progress.monitorId).run();
    ChunkCodec::packCounts(counts.countPerNeuron, buffer_);
    insertChunk(progress, 0, counts.countPerNeuron.size(), "spike_counts");
}

/// Events with values are stored as f64_rows: per event its time, then its
/// index and the values of the record's columns.
void RunWriter::writeEventRows(const SpikeRecord& events, Progress& progress) {
    const size_t columns = events.columns.size() + 1; // the index, then the values
    const size_t perChunk = std::max<size_t>(1, kChunkBytes / (8 * (columns + 1)));
    std::vector<double> rows;
    for (size_t first = progress.stored; first < events.indices.size(); first += perChunk) {
        const size_t count = std::min(perChunk, events.indices.size() - first);
        rows.clear();
        for (size_t event = first; event < first + count; ++event) {
            rows.push_back(events.indices[event]);
            for (size_t c = 0; c < events.columns.size(); ++c)
                rows.push_back(events.value(event, c));
        }
        ChunkCodec::packRows(std::span(events.times.data() + first, count), rows, columns, buffer_);
        insertChunk(progress, first, count, "f64_rows");
    }
    progress.pending = events.indices.size();
}

void RunWriter::writeRows(size_t columns, const std::vector<double>& times,
                          const std::vector<double>& values, Progress& progress) {
    const size_t perChunk = std::max<size_t>(1, kChunkBytes / (8 * (columns + 1)));
    for (size_t first = progress.stored; first < times.size(); first += perChunk) {
        const size_t count = std::min(perChunk, times.size() - first);
        ChunkCodec::packRows(std::span(times.data() + first, count),
                             std::span(values.data() + first * columns, count * columns), columns,
                             buffer_);
        insertChunk(progress, first, count, "f64_rows");
    }
    progress.pending = times.size();
}

void RunWriter::insertChunk(const Progress& progress, size_t first, size_t count,
                            const char* format) {
    database_
        .prepare("INSERT INTO chunks (monitor_id, first, count, format, data) "
                 "VALUES (?, ?, ?, ?, ?)")
        .bind(1, progress.monitorId)
        .bind(2, static_cast<std::int64_t>(first))
        .bind(3, static_cast<std::int64_t>(count))
        .bind(4, format)
        .bindBlob(5, buffer_)
        .run();
}

/// After a commit: what was written counts as stored (a failed transaction
/// leaves `stored` as it was, so the next flush writes it again).
void RunWriter::commitProgress() {
    for (auto* list : {&spikes_, &states_, &rates_})
        for (Progress& progress : *list)
            progress.stored = std::max(progress.stored, progress.pending);
    lastFlush_ = std::chrono::steady_clock::now();
    storedTime_ = network_.scheduler().time();
}

} // namespace spikestudio
