#pragma once

#include "runtime/RunResults.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace spikestudio {

class Project;
class SqlStatement;

/// Reads a stored run's results back as the RunResults its Network held,
/// bit for bit: CsvWriter writes the same CSV from them as from the live run.
/// An interrupted run gives what was committed.
class RunReader {
public:
    explicit RunReader(Project& project) : project_(project) {}

    /// Throws StorageError when there is no such run or its data are damaged.
    RunResults read(std::int64_t runId);

private:
    SpikeRecord readSpikes(const SqlStatement& monitor);
    void readEventColumns(std::int64_t monitorId, SpikeRecord& record);
    void readEventRows(const std::string& format, std::span<const std::byte> blob,
                       SpikeRecord& record);
    StateRecord readStates(const SqlStatement& monitor);
    RateRecord readRates(const SqlStatement& monitor);
    /// Calls `unpack(format, blob)` for each chunk in order, checking they follow on.
    template <typename Unpack> void forEachChunk(std::int64_t monitorId, Unpack unpack);

    Project& project_;
};

} // namespace spikestudio
