#pragma once

#include "runtime/RateRecord.h"
#include "runtime/SpikeRecord.h"
#include "runtime/StateRecord.h"

#include <deque>
#include <mutex>

namespace spikestudio {

class Network;

/// The plots' copy of a running network's monitor records. The simulation
/// thread appends only what is new (never the whole arrays), at most about 30
/// times a second, under a lock held for that append; the GUI thread takes the
/// lock only to read. The simulation never waits on drawing.
class LiveRecords {
public:
    /// Prepares empty records shaped like the network's (names, columns).
    void shapeLike(const Network& network);
    /// Simulation thread: appends what the network recorded since the last call.
    void appendNewFrom(const Network& network);

    /// GUI thread: runs `read(spikes, states, rates)` with the records locked.
    template <typename Read> void read(Read read) const {
        std::lock_guard lock(mutex_);
        read(spikes_, states_, rates_);
    }

private:
    mutable std::mutex mutex_;
    std::deque<SpikeRecord> spikes_;
    std::deque<StateRecord> states_;
    std::deque<RateRecord> rates_;
};

} // namespace spikestudio
