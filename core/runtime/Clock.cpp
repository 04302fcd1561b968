#include "runtime/Clock.h"

#include "timing/TimeSteps.h"

#include <algorithm>

namespace spikestudio {

void Clock::scheduleRunOf(double duration) {
    const std::int64_t steps =
        std::clamp<std::int64_t>(stepsFor(duration, dt_).value_or(kMaxRunSteps), 0, kMaxRunSteps);
    endTimestep_ = timestep_ + steps;
}

} // namespace spikestudio
