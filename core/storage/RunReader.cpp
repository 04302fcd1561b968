#include "storage/RunReader.h"

#include "expr/ExprText.h"
#include "memory/MemoryBudget.h"
#include "storage/ChunkCodec.h"
#include "storage/DimensionText.h"
#include "storage/Project.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"

#include <cmath>
#include <limits>

namespace spikestudio {

namespace {

enum MonitorColumn { Id, Name, Type, Source, SourceSize, Dt };

/// What the monitors row says about the record: name, source, dt.
void readHeader(const SqlStatement& monitor, MonitorRecord& record) {
    record.monitor = monitor.columnText(Name);
    record.source = monitor.columnText(Source);
    record.dt = monitor.columnDouble(Dt);
}

} // namespace

RunResults RunReader::read(std::int64_t runId) {
    project_.run(runId); // throws for a run that does not exist
    RunResults results;
    SqlStatement monitors =
        project_.database().prepare("SELECT id, name, type, source, source_size, dt FROM monitors "
                                    "WHERE run_id = ? ORDER BY type, position");
    monitors.bind(1, runId);
    while (monitors.step()) {
        const std::string type = monitors.columnText(Type);
        if (type == "spike")
            results.spikes.push_back(readSpikes(monitors));
        else if (type == "state")
            results.states.push_back(readStates(monitors));
        else
            results.rates.push_back(readRates(monitors));
    }
    return results;
}

template <typename Unpack> void RunReader::forEachChunk(std::int64_t monitorId, Unpack unpack) {
    SqlStatement chunks = project_.database().prepare(
        "SELECT first, count, format, data FROM chunks WHERE monitor_id = ? ORDER BY first");
    chunks.bind(1, monitorId);
    std::int64_t expected = 0;
    while (chunks.step()) {
        if (chunks.columnInt(0) != expected)
            throw StorageError(project_.path() +
                               ": the results of a monitor have a gap (chunk at " +
                               std::to_string(chunks.columnInt(0)) + ", expected " +
                               std::to_string(expected) + ")");
        const size_t got = unpack(chunks.columnText(2), chunks.columnBlob(3));
        if (static_cast<std::int64_t>(got) != chunks.columnInt(1))
            throw StorageError(project_.path() + ": a result chunk holds " + std::to_string(got) +
                               " items, its row says " + std::to_string(chunks.columnInt(1)));
        expected += chunks.columnInt(1);
    }
}

SpikeRecord RunReader::readSpikes(const SqlStatement& monitor) {
    SpikeRecord record;
    readHeader(monitor, record);
    const std::int64_t neurons = monitor.columnInt(SourceSize);
    if (neurons < 0 || neurons > std::numeric_limits<std::int32_t>::max())
        throw StorageError(project_.path() + ": the spike monitor '" + record.monitor +
                           "' records " + std::to_string(neurons) +
                           " neurons, which cannot be (corrupt data)");
    // A project file is untrusted: a legal but huge source_size must be refused,
    // not allocated until the kernel's OOM killer ends the process.
    const double countBytes = static_cast<double>(neurons) * sizeof(std::int32_t);
    const MemoryBudget budget;
    if (!budget.fits(countBytes))
        throw StorageError(project_.path() + ": the spike monitor '" + record.monitor +
                           "' records " + std::to_string(neurons) +
                           " neurons, whose counts would need " + formatBytes(countBytes) + "; " +
                           budget.limit().describe());
    record.countPerNeuron.assign(static_cast<size_t>(neurons), 0);
    readEventColumns(monitor.columnInt(Id), record);
    const double dt = record.dt;
    forEachChunk(
        monitor.columnInt(Id), [&](const std::string& format, std::span<const std::byte> blob) {
            const size_t before = record.indices.size();
            if (format == "spike_counts") {
                record.keepsEvents = false;
                return ChunkCodec::unpackCounts(blob, record.countPerNeuron);
            }
            if (!record.columns.empty() || format == "f64_rows")
                readEventRows(format, blob, record);
            else if (format == "spike_step_runs")
                ChunkCodec::unpackSpikeStepRuns(blob, dt, record.indices, record.times);
            else if (format == "spike_steps")
                ChunkCodec::unpackSpikeSteps(blob, dt, record.indices, record.times);
            else if (format == "spike_times")
                ChunkCodec::unpackSpikeTimes(blob, record.indices, record.times);
            else
                throw StorageError(project_.path() + ": a spike chunk has format '" + format + "'");
            return record.indices.size() - before;
        });
    if (!record.keepsEvents && !record.indices.empty())
        throw StorageError(project_.path() + ": the spike monitor '" + record.monitor +
                           "' has both counts alone and events (corrupt data)");
    for (std::int32_t index : record.indices) {
        if (index < 0 || static_cast<size_t>(index) >= record.countPerNeuron.size())
            throw StorageError(project_.path() + ": a stored spike of '" + record.monitor +
                               "' names neuron " + std::to_string(index) + ", out of range");
        ++record.countPerNeuron[static_cast<size_t>(index)];
    }
    return record;
}

void RunReader::readEventColumns(std::int64_t monitorId, SpikeRecord& record) {
    SqlStatement columns = project_.database().prepare(
        "SELECT variable, dimension FROM monitor_columns WHERE monitor_id = ? ORDER BY position");
    columns.bind(1, monitorId);
    while (columns.step())
        record.columns.push_back(
            {columns.columnText(0), DimensionText::parse(columns.columnText(1))});
}

/// An f64_rows chunk of events: per event its time, index and values.
void RunReader::readEventRows(const std::string& format, std::span<const std::byte> blob,
                              SpikeRecord& record) {
    if (format != "f64_rows" || record.columns.empty())
        throw StorageError(project_.path() + ": the spike monitor '" + record.monitor +
                           "' has a chunk of format '" + format + "' but " +
                           std::to_string(record.columns.size()) + " recorded variables");
    std::vector<double> rows;
    const size_t columns = record.columns.size() + 1;
    ChunkCodec::unpackRows(blob, columns, record.times, rows);
    for (size_t row = 0; row < rows.size(); row += columns) {
        const double index = rows[row];
        if (!(index >= 0.0 && index < static_cast<double>(record.countPerNeuron.size())) ||
            index != std::floor(index))
            throw StorageError(project_.path() + ": a stored event of '" + record.monitor +
                               "' names neuron " + formatNumber(index) + ", out of range");
        record.indices.push_back(static_cast<std::int32_t>(index));
        record.values.insert(record.values.end(),
                             rows.begin() + static_cast<std::ptrdiff_t>(row + 1),
                             rows.begin() + static_cast<std::ptrdiff_t>(row + columns));
    }
}

StateRecord RunReader::readStates(const SqlStatement& monitor) {
    StateRecord record;
    readHeader(monitor, record);
    SqlStatement columns = project_.database().prepare(
        "SELECT variable, element, dimension FROM monitor_columns WHERE monitor_id = ? "
        "ORDER BY position");
    columns.bind(1, monitor.columnInt(Id));
    while (columns.step())
        record.columns.push_back({columns.columnText(0), columns.columnInt(1),
                                  DimensionText::parse(columns.columnText(2))});
    forEachChunk(
        monitor.columnInt(Id), [&](const std::string& format, std::span<const std::byte> blob) {
            if (format != "f64_rows")
                throw StorageError(project_.path() + ": a state chunk has format '" + format + "'");
            const size_t before = record.times.size();
            ChunkCodec::unpackRows(blob, record.columns.size(), record.times, record.values);
            return record.times.size() - before;
        });
    return record;
}

RateRecord RunReader::readRates(const SqlStatement& monitor) {
    RateRecord record;
    readHeader(monitor, record);
    forEachChunk(
        monitor.columnInt(Id), [&](const std::string& format, std::span<const std::byte> blob) {
            if (format != "f64_rows")
                throw StorageError(project_.path() + ": a rate chunk has format '" + format + "'");
            const size_t before = record.times.size();
            ChunkCodec::unpackRows(blob, 1, record.times, record.rates);
            return record.times.size() - before;
        });
    return record;
}

} // namespace spikestudio
