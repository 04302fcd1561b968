#pragma once

namespace spikestudio {

/// Brian2's default schedule with its before_/after_ variants, in run order.
enum class ScheduleSlot {
    BeforeStart,
    Start,
    AfterStart,
    BeforeGroups,
    Groups,
    AfterGroups,
    BeforeThresholds,
    Thresholds,
    AfterThresholds,
    BeforeSynapses,
    Synapses,
    AfterSynapses,
    BeforeResets,
    Resets,
    AfterResets,
    BeforeEnd,
    End,
    AfterEnd,
};

} // namespace spikestudio
