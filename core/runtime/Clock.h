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
