#pragma once

#include <cstdint>
#include <string>

namespace spikestudio {

/// What a run was started with, stored in its row of the runs table.
struct RunSettings {
    std::string modelJson;  // the exact model text that ran (a snapshot)
    double duration = 0.0;  // simulated seconds requested
    double dt = 0.0;        // the model's dt, seconds
    std::uint32_t seed = 0; // the seed actually used
};

} // namespace spikestudio
