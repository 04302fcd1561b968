#include "timing/TimeSteps.h"

#include <cmath>

namespace spikestudio {

std::optional<std::int64_t> stepsFor(double time, double dt) {
    constexpr double kTwoTo62 = 4611686018427387904.0;
    const double ratio = time / dt;
    if (!std::isfinite(ratio) || std::fabs(ratio) >= kTwoTo62)
        return std::nullopt;
    const double rounded = std::round(ratio);
    if (rounded * dt == time || std::fabs(rounded * dt - time) / dt <= 1e-4)
        return static_cast<std::int64_t>(rounded);
    return static_cast<std::int64_t>(std::ceil(ratio));
}

} // namespace spikestudio
