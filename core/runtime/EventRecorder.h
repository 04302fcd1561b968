#pragma once

#include "runtime/EventsInRange.h"
#include "runtime/GroupState.h"
#include "runtime/SpikeRecord.h"

#include <vector>

namespace spikestudio {

/// An EventMonitor's operation: appends this step's events of `group` (those
/// in `eventspace`, its spikes or a custom event's) to `record`, each with the
/// current value of every recorded variable. It runs after the event's
/// thresholder, so values are those that crossed it, before the reset
/// changes them.
class EventRecorder {
public:
    /// `variables` are the group's arrays, one per column of `record`; it
    /// records the events of elements [start, stop) (a subgroup's), each
    /// index counted from `start`.
    EventRecorder(SpikeRecord& record, const GroupState& group,
                  const std::vector<std::int32_t>& eventspace,
                  std::vector<const StateArray*> variables, long long start, long long stop)
        : record_(&record), group_(&group), eventspace_(&eventspace),
          variables_(std::move(variables)), start_(start), stop_(stop) {}

    void operator()() const {
        const EventsInRange range(*eventspace_, start_, stop_);
        const std::int32_t count = range.count;
        const std::int32_t* events = range.first;
        record_->append(events, count, group_->clock->t(), static_cast<std::int32_t>(start_));
        if (!record_->keepsEvents)
            return;
        for (std::int32_t k = 0; k < count; ++k)
            for (const StateArray* variable : variables_)
                record_->values.push_back((*variable)[static_cast<size_t>(events[k])]);
    }

private:
    SpikeRecord* record_;
    const GroupState* group_;
    const std::vector<std::int32_t>* eventspace_;
    std::vector<const StateArray*> variables_;
    long long start_;
    long long stop_;
};

} // namespace spikestudio
