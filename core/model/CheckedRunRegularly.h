#pragma once

#include "expr/Statement.h"
#include "model/ElementRange.h"
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
    bool ownClock = false; // a dt of its own, else its group's clock (Brian2's dt=None)
    ScheduleSlot when = ScheduleSlot::Start;
    int order = 0;
    ElementRange range; // the elements it runs for: the group's, or a subgroup's slice
    /// Synapses: Brian2's numpy target runs the code synapse by synapse (a
    /// Python loop), drawing each synapse's numbers before the next's.
    bool drawsElementByElement = false;
};

} // namespace spikestudio
