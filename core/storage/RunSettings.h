#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace spikestudio {

/// A run's place in a parameter sweep: the sweep's id and the variant's
/// 0-based index in it.
struct SweepMembership {
    std::int64_t sweepId = 0;
    std::int64_t variant = 0;
};

/// What a run was started with, stored in its row of the runs table.
struct RunSettings {
    std::string modelJson;  // the exact model text that ran (a snapshot)
    double duration = 0.0;  // simulated seconds requested
    double dt = 0.0;        // the model's dt, seconds
    std::uint32_t seed = 0; // the seed actually used
    std::optional<SweepMembership> sweep{};
};

} // namespace spikestudio
