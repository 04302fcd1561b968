#pragma once

#include "timing/ScheduleSlot.h"

#include <optional>
#include <string>
#include <string_view>

namespace spikestudio {

/// Brian2's name of a slot (`when='before_end'`).
std::string scheduleSlotName(ScheduleSlot slot);

/// The slot Brian2 calls `name`, or nothing for a name of no slot.
std::optional<ScheduleSlot> scheduleSlotNamed(std::string_view name);

/// Every slot's name in run order, comma-separated, for messages.
std::string scheduleSlotNames();

} // namespace spikestudio
