#pragma once

#include "runtime/RateRecord.h"
#include "runtime/SpikeRecord.h"
#include "runtime/StateRecord.h"

#include <vector>

namespace spikestudio {

/// A stored run's monitor records, as the Network that ran it held them
/// (same order within each kind).
struct RunResults {
    std::vector<SpikeRecord> spikes;
    std::vector<StateRecord> states;
    std::vector<RateRecord> rates;
};

} // namespace spikestudio
