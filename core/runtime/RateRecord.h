#pragma once

#include "runtime/MonitorRecord.h"

#include <string>
#include <vector>

namespace spikestudio {

/// What a PopulationRateMonitor recorded: spikes/(N dt) for every step, in Hz.
struct RateRecord : MonitorRecord {
    static constexpr RecordKind kind = RecordKind::Rate;

    std::vector<double> times;
    std::vector<double> rates;
};

} // namespace spikestudio
