#include "timing/ScheduleSlotNames.h"

#include <array>

namespace spikestudio {

namespace {

// Brian2's default schedule (network.py), each slot with its before_/after_.
constexpr std::array<std::string_view, 6> kBaseSlots{"start",    "groups", "thresholds",
                                                     "synapses", "resets", "end"};
constexpr std::array<std::string_view, 3> kSlotPrefixes{"before_", "", "after_"};

} // namespace

std::string scheduleSlotName(ScheduleSlot slot) {
    const auto index = static_cast<size_t>(slot);
    return std::string(kSlotPrefixes[index % 3]) + std::string(kBaseSlots[index / 3]);
}

std::optional<ScheduleSlot> scheduleSlotNamed(std::string_view name) {
    for (size_t index = 0; index < kBaseSlots.size() * kSlotPrefixes.size(); ++index) {
        const auto slot = static_cast<ScheduleSlot>(index);
        if (scheduleSlotName(slot) == name)
            return slot;
    }
    return std::nullopt;
}

std::string scheduleSlotNames() {
    std::string names;
    for (size_t index = 0; index < kBaseSlots.size() * kSlotPrefixes.size(); ++index)
        names += (names.empty() ? "" : ", ") + scheduleSlotName(static_cast<ScheduleSlot>(index));
    return names;
}

} // namespace spikestudio
