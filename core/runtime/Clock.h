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

    /// Brian2's Clock.set_interval: the run goes from the network's time
    /// `start` to `end`, each turned into this clock's steps by Brian2's
    /// rounding (timing/TimeSteps.h). A clock whose dt does not divide the
    /// times thus starts and ends where Brian2's does, run after run.
    /// (ModelChecker keeps runs within kMaxRunSteps; a longer one is cut
    /// there, never wrapped around.)
    void scheduleRun(double start, double end);
    bool running() const { return timestep_ < endTimestep_; }
    void tick() { ++timestep_; }
    /// Brian2's `defaultclock.dt = ...` between runs: the next run converts
    /// the network's time into steps of the new dt (scheduleRun).
    void setDt(double dt) { dt_ = dt; }

private:
    double dt_;
    std::int64_t timestep_ = 0;
    std::int64_t endTimestep_ = 0;
};

} // namespace spikestudio
