#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// What a PopulationRateMonitor recorded: spikes/(N dt) for every step, in Hz.
struct RateRecord {
    std::string monitor;
    std::string source;
    std::vector<double> times;
    std::vector<double> rates;
};

} // namespace spikestudio
