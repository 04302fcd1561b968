#pragma once

#include <string>

namespace spikestudio {

/// The kinds of record a monitor fills. Brian2's SpikeMonitor is an
/// EventMonitor of the 'spike' event; a SpikeRecord holds events, so an
/// EventMonitor fills the same record, with a column per variable it records
/// at each event, rather than add a kind.
enum class RecordKind { Spike, State, Rate };

/// What every record knows about the monitor that fills it, so that storage
/// and outputs read it from the record instead of looking it up in the
/// network that ran.
struct MonitorRecord {
    std::string monitor; // the monitor's name
    std::string source;  // the group (or synapses) it records
    double dt = 0.0;     // seconds: the dt of the clock it records on; 0 when unknown
};

} // namespace spikestudio
