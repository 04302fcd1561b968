#pragma once

#include "runtime/Operation.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace spikestudio {

/// Runs operations in Brian2's order over one or more clocks: each round takes
/// the clocks with the smallest time, runs their operations in schedule order,
/// then ticks them (network.cpp's loop).
class Scheduler {
public:
    /// The clock with this dt, created on first use (clocks of equal dt run in lockstep).
    Clock& clockFor(double dt);
    /// Brian2's defaultclock when a protocol changes its dt between runs: a
    /// clock of its own, created on first use with `dt`, apart from the
    /// clocks of objects whose own dt has the same value.
    Clock& defaultClock(double dt);
    bool isDefaultClock(const Clock* clock) const { return clock && clock == defaultClock_; }
    /// Brian2's `defaultclock.dt = ...` between runs: the default clock, if any
    /// object runs on it, steps by `dt` from the next run on.
    void setDefaultDt(double dt) {
        if (defaultClock_)
            defaultClock_->setDt(dt);
    }
    void add(Operation operation);

    /// Brian2's `obj.active = ...` between runs: switches every operation of
    /// `owner` on or off (it is read when the next run starts, as Brian2
    /// lists the active objects once per run).
    void setActive(const std::string& owner, bool active);
    /// Whether `owner` has an operation that runs.
    bool isActive(const std::string& owner) const;

    /// Advances `duration` seconds from where the last run ended, as Brian2's
    /// Network.run: to t_end = t + duration, the sum in seconds. `keepGoing`
    /// is asked between steps; returning false stops the run early (its
    /// results so far stay valid, the next run starts from the next step).
    /// Returns the number of scheduler rounds run.
    long long run(double duration, const std::function<bool()>& keepGoing = {});

    /// Brian2's `profile=True`: from now on every operation's calls and time
    /// are counted in its `cost` (two clock reads per call).
    void setProfiling(bool on) { profiling_ = on; }

    /// Whether `second` runs after `first` on the same clock, for the same
    /// owner, with only operations `mayCross` accepts between them: the
    /// operations `second` may then run together with `first`, in its place.
    bool mayJoin(const std::string& first, const std::string& second,
                 const std::function<bool(const Operation&)>& mayCross);
    /// Replaces `first` and `second` by one operation in first's place,
    /// named after both, that calls `run`.
    void join(const std::string& first, const std::string& second, std::function<void()> run);

    double time() const;
    const std::vector<Operation>& operations() const { return operations_; }

private:
    std::vector<Operation>::iterator named(const std::string& name);
    void sortOperations();
    static void runTimed(Operation& operation);

    std::vector<std::unique_ptr<Clock>> clocks_;
    Clock* defaultClock_ = nullptr;
    std::vector<Operation> operations_;
    double runsEndAt_ = 0.0; // Brian2's Network.t_: where the next run starts
    bool sorted_ = false;
    bool profiling_ = false;
};

} // namespace spikestudio
