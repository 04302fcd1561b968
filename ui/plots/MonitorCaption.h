#pragma once

#include <QString>

namespace spikestudio {

struct RateRecord;
struct SpikeRecord;
struct StateRecord;

/// What a panel shows, named by group and monitor, for its header:
/// "Spikes of 'P' · SpikeMonitor 'spikes'"; with the variables recorded at
/// each spike, "Spikes of 'P' with v, w · monitor 'events'".
namespace MonitorCaption {

QString spikes(const SpikeRecord& record);
QString rate(const RateRecord& record);
/// One variable of a StateMonitor: "w of 'A' · StateMonitor 'trace'".
QString trace(const StateRecord& record, const QString& variable);

} // namespace MonitorCaption

} // namespace spikestudio
