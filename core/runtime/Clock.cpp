#include "runtime/Clock.h"

#include "timing/TimeSteps.h"

#include <algorithm>

namespace spikestudio {

void Clock::scheduleRun(double start, double end) {
    if (const auto first = stepsFor(start, dt_))
        timestep_ = *first;
    const std::int64_t last = stepsFor(end, dt_).value_or(timestep_ + kMaxRunSteps);
    endTimestep_ = std::clamp<std::int64_t>(last, timestep_, timestep_ + kMaxRunSteps);
}

} // namespace spikestudio
