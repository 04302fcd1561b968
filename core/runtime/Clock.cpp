#include "runtime/Clock.h"

#include <cmath>

namespace spikestudio {

std::int64_t Clock::stepsFor(double time) const {
    const double rounded = std::round(time / dt_);
    if (std::fabs(rounded * dt_ - time) < 1e-4 * dt_)
        return static_cast<std::int64_t>(rounded);
    return static_cast<std::int64_t>(std::ceil(time / dt_));
}

} // namespace spikestudio
