#pragma once

#include "runtime/GroupState.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// This step's events with an index in [start, stop) of an eventspace (a
/// group's spikes or one of its custom events): one contiguous run of it,
/// which the thresholder fills in ascending index order. A subgroup's
/// monitors read their events this way.
struct EventsInRange {
    const std::int32_t* first = nullptr;
    std::int32_t count = 0;

    EventsInRange(const GroupState& group, long long start, long long stop)
        : EventsInRange(group.events, start, stop) {}

    EventsInRange(const std::vector<std::int32_t>& eventspace, long long start, long long stop) {
        const std::int32_t* begin = eventspace.data();
        const std::int32_t* end = begin + (eventspace.empty() ? 0 : eventspace.back());
        first = std::lower_bound(begin, end, start);
        count = static_cast<std::int32_t>(std::lower_bound(first, end, stop) - first);
    }
};

} // namespace spikestudio
