#pragma once

#include "runtime/RunResults.h"

#include <mutex>

namespace spikestudio {

/// The plots' copy of a running network's records. The simulation
/// thread appends only what is new (never the whole arrays), at most about 30
/// times a second, under a lock held for that append; the GUI thread takes the
/// lock only to read. The simulation never waits on drawing.
class LiveRecords {
public:
    /// Prepares empty records shaped like `results` (names, columns).
    void shapeLike(const RunResults& results);
    /// Simulation thread: appends what `results` (the records shapeLike saw,
    /// grown since) hold beyond the last call.
    void appendNewFrom(const RunResults& results);

    /// GUI thread: runs `read(const RunResults&)` with the records locked.
    template <typename Read> void read(Read read) const {
        std::lock_guard lock(mutex_);
        read(copy_);
    }

private:
    mutable std::mutex mutex_;
    RunResults copy_;
};

} // namespace spikestudio
