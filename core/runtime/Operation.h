#pragma once

#include "runtime/Clock.h"
#include "timing/ScheduleSlot.h"

#include <functional>
#include <string>

namespace spikestudio {

/// One thing the scheduler runs each step of its clock: a state update, a
/// threshold, a reset, a monitor. Sorted like Brian2 by (slot, order, name).
struct Operation {
    ScheduleSlot slot = ScheduleSlot::Groups;
    int order = 0;
    std::string name;
    Clock* clock = nullptr;
    std::function<void()> run;
};

} // namespace spikestudio
