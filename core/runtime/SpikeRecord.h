#pragma once

#include "runtime/MonitorRecord.h"

#include <cstdint>
#include <string>
#include <vector>

namespace spikestudio {

/// What a SpikeMonitor recorded: one (index, time) per spike in the order
/// they happened, plus a count per neuron (Brian2 always keeps `count`).
/// Times are steps of `dt` (the source's clock), which storage packs as steps.
struct SpikeRecord : MonitorRecord {
    static constexpr RecordKind kind = RecordKind::Spike;
    std::vector<std::int32_t> indices;
    std::vector<double> times;
    std::vector<std::int64_t> countPerNeuron;

    void append(const std::int32_t* events, std::int32_t count, double t) {
        indices.insert(indices.end(), events, events + count);
        times.insert(times.end(), static_cast<size_t>(count), t);
        for (std::int32_t k = 0; k < count; ++k)
            ++countPerNeuron[static_cast<size_t>(events[k])];
    }
};

} // namespace spikestudio
