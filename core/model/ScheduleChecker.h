#pragma once

#include "model/Model.h"
#include "model/ProblemCollector.h"
#include "timing/ScheduleSlot.h"

#include <string>

namespace spikestudio {

/// The slot `when` names, `fallback` when it is empty; an unknown name is a
/// ModelError naming `object` and `field` with the slots there are.
ScheduleSlot checkedSlot(const std::string& when, ScheduleSlot fallback, const std::string& object,
                         const std::string& field);

/// Every object's `when` names a slot, and a SpikeMonitor or EventMonitor
/// gives `order` only with `when` (Brian2 refuses it alone).
void checkSchedules(const Model& model, ProblemCollector& problems);

} // namespace spikestudio
