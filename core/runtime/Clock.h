#pragma once

#include <cstdint>

namespace spikestudio {

/// A simulation clock. Time is always timestep*dt, never accumulated.
class Clock {
public:
    explicit Clock(double dt) : dt_(dt) {}

    double dt() const { return dt_; }
    std::int64_t timestep() const { return timestep_; }
    double t() const { return static_cast<double>(timestep_) * dt_; }

    /// Brian2's step count for a time: round(t/dt) when that is within
    /// 1e-4*dt of t, otherwise ceil(t/dt) (clocks.py _calc_timestep).
    std::int64_t stepsFor(double time) const;

    /// Sets where the current run ends, `duration` from now.
    void scheduleRunOf(double duration) { endTimestep_ = timestep_ + stepsFor(duration); }
    bool running() const { return timestep_ < endTimestep_; }
    void tick() { ++timestep_; }

private:
    double dt_;
    std::int64_t timestep_ = 0;
    std::int64_t endTimestep_ = 0;
};

} // namespace spikestudio
