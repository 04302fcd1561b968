#pragma once

#include "storage/RunOutcome.h"
#include "storage/RunSettings.h"

#include <cstdint>
#include <string>

namespace spikestudio {

class Network;

/// Where a run's results go while it runs (a storage backend). The run
/// session calls begin() once the network is built, flushIfDue() between
/// steps on the simulation thread, and finish() after the last step. A sink
/// destroyed without finish() marks the run as failed. Errors are thrown as
/// StorageError (a UserError) and end the run as failed.
class RunSink {
public:
    virtual ~RunSink() = default;

    /// The run's settings and the network whose records it stores: their
    /// layout (monitors, columns, dt) is fixed from now on; records only grow.
    virtual void begin(const RunSettings& settings, const Network& network) = 0;
    /// Stores what is new when the sink's own interval has passed; cheap otherwise.
    virtual void flushIfDue() = 0;
    /// Stores what is new now.
    virtual void flush() = 0;
    /// Stores the rest and how the run ended.
    virtual void finish(const RunOutcome& outcome) = 0;
    /// One line for a summary ("stored as run 3 in x.spikestudio"); empty before begin().
    virtual std::string describe() const = 0;
    /// The stored run's number where the backend numbers runs; 0 before begin().
    virtual std::int64_t runId() const = 0;
};

} // namespace spikestudio
