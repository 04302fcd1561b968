#pragma once

#include "runtime/MonitorRecord.h"
#include "units/Dimension.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spikestudio {

/// What a SpikeMonitor or EventMonitor recorded: one (index, time) per event
/// in the order they happened, a count per neuron (Brian2 always keeps
/// `count`), and per event the values of the variables it records, if any.
/// Times are steps of `dt` (the source's clock), which storage packs as steps.
/// A monitor with `"record": false` (Brian2's record=False) keeps the counts
/// alone: no events, no values.
struct SpikeRecord : MonitorRecord {
    static constexpr RecordKind kind = RecordKind::Spike;

    /// A variable recorded at each event, in SI base units.
    struct ValueColumn {
        std::string variable;
        Dimension dim;
    };

    std::vector<std::int32_t> indices;
    std::vector<double> times;
    std::vector<std::int64_t> countPerNeuron;
    std::vector<ValueColumn> columns;
    std::vector<double> values; // indices.size() rows of columns.size(), event by event
    bool keepsEvents = true;    // false: countPerNeuron alone (record=False)

    /// Appends `count` events at time t; a subgroup's monitor records each
    /// index counted from the subgroup's `start`, as Brian2 does.
    void append(const std::int32_t* events, std::int32_t count, double t, std::int32_t start = 0) {
        for (std::int32_t k = 0; k < count; ++k)
            ++countPerNeuron[static_cast<size_t>(events[k] - start)];
        if (!keepsEvents)
            return;
        for (std::int32_t k = 0; k < count; ++k)
            indices.push_back(events[k] - start);
        times.insert(times.end(), static_cast<size_t>(count), t);
    }

    /// Every event counted, recorded or not (Brian2's `num_spikes`).
    std::int64_t eventCount() const {
        std::int64_t total = 0;
        for (std::int64_t count : countPerNeuron)
            total += count;
        return total;
    }

    double value(size_t event, size_t column) const {
        return values[event * columns.size() + column];
    }
};

} // namespace spikestudio
