#pragma once

#include <cstdint>
#include <optional>

namespace spikestudio {

/// The most time steps a run may have. Brian2 warns beyond 2^40 that the times
/// t then no longer correspond to exact multiples of dt (its clocks, like these,
/// compare times within 1e-4 dt); past 2^63 its step counter overflows.
inline constexpr std::int64_t kMaxRunSteps = std::int64_t{1} << 40;

/// Brian2's step count for a time: round(t/dt) when that is within 1e-4*dt of
/// t, otherwise ceil(t/dt) (clocks.py _calc_timestep), in checked arithmetic:
/// nothing when t/dt is not finite or not below 2^62.
std::optional<std::int64_t> stepsFor(double time, double dt);

/// The time step a SpikeGeneratorGroup emits a spike at `time` in, as Brian2
/// bins it: int((t + 1e-3 dt) / dt).
inline std::int64_t spikeStepOf(double time, double dt) {
    return static_cast<std::int64_t>((time + 1e-3 * dt) / dt);
}

} // namespace spikestudio
