#pragma once

#include "runtime/Clock.h"
#include "timing/ScheduleSlot.h"

#include <functional>
#include <string>

namespace spikestudio {

/// What an operation has cost so far, counted while the scheduler profiles.
struct OperationCost {
    long long calls = 0;
    double seconds = 0.0;
};

/// One thing the scheduler runs each step of its clock: a state update, a
/// threshold, a reset, a monitor. Sorted like Brian2 by (slot, order, name).
struct Operation {
    ScheduleSlot slot = ScheduleSlot::Groups;
    int order = 0;
    std::string name;
    Clock* clock = nullptr;
    std::function<void()> run;
    std::string owner{};  // the model object it belongs to (a group, a Synapses object, a monitor)
    bool active = true;   // Brian2's `active` of its owner: false skips it
    OperationCost cost{}; // filled only while the scheduler profiles
};

} // namespace spikestudio
