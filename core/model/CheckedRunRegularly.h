#pragma once

#include "expr/Statement.h"
#include "timing/ScheduleSlot.h"

#include <string>
#include <vector>

namespace spikestudio {

/// A group's run_regularly operation after checking: its statements (like a
/// reset's, subexpressions substituted), its clock's dt and its place in the step.
struct CheckedRunRegularly {
    std::string name; // Brian2's name, which orders it within its slot
    std::vector<Statement> code;
    double dt = 0.0;
    ScheduleSlot when = ScheduleSlot::Start;
    int order = 0;
};

} // namespace spikestudio
