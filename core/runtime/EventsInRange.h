#pragma once

#include "runtime/GroupState.h"

#include <algorithm>
#include <cstdint>

namespace spikestudio {

/// This step's events of `group` with an index in [start, stop): one
/// contiguous run of its eventspace, which the thresholder fills in
/// ascending index order. A subgroup's monitors read their events this way.
struct EventsInRange {
    const std::int32_t* first = nullptr;
    std::int32_t count = 0;

    EventsInRange(const GroupState& group, long long start, long long stop) {
        const std::int32_t* begin = group.events.data();
        const std::int32_t* end = begin + group.spikeCount();
        first = std::lower_bound(begin, end, start);
        count = static_cast<std::int32_t>(std::lower_bound(first, end, stop) - first);
    }
};

} // namespace spikestudio
