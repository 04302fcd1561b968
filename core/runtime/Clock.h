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

/// A simulation clock. Time is always timestep*dt, never accumulated.
class Clock {
public:
    explicit Clock(double dt) : dt_(dt) {}

    double dt() const { return dt_; }
    std::int64_t timestep() const { return timestep_; }
    double t() const { return static_cast<double>(timestep_) * dt_; }

    /// Sets where the current run ends, `duration` from now (ModelChecker keeps
    /// runs within kMaxRunSteps; a longer one is cut there, never wrapped around).
    void scheduleRunOf(double duration);
    bool running() const { return timestep_ < endTimestep_; }
    void tick() { ++timestep_; }

private:
    double dt_;
    std::int64_t timestep_ = 0;
    std::int64_t endTimestep_ = 0;
};

} // namespace spikestudio
