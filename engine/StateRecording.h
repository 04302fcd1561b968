#pragma once

#include <cstdint>
#include <vector>

namespace spikestudio {

/// What a state monitor's kernel reads besides the recorded object's
/// arrays: the elements it records, and a pointer to the row of the record
/// it fills this step (moved on by the monitor's operation every step).
struct StateRecording {
    std::vector<std::int32_t> indices;
    double* row = nullptr;
};

} // namespace spikestudio
