#pragma once

#include "runtime/RateRecord.h"
#include "runtime/SpikeRecord.h"
#include "runtime/StateRecord.h"

#include <deque>

namespace spikestudio {

/// The records of a run, each kind in the order its monitors were built:
/// what a running Network fills, what storage gives back for a stored run,
/// and all that CSV, plots and the runs browser read. Deques, because the
/// runtime's operations hold pointers to records while others are added.
struct RunResults {
    std::deque<SpikeRecord> spikes;
    std::deque<StateRecord> states;
    std::deque<RateRecord> rates;
};

} // namespace spikestudio
