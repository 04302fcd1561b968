#include "model/MonitorChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

MonitorKind describeSpikeMonitor() {
    MonitorKind kind;
    kind.typeName = "SpikeMonitor";
    kind.type = MonitorType::Spike;
    kind.family = ObjectFamily::Monitor;
    kind.label = "spike monitor";
    kind.shortLabel = "spikes";
    kind.summary = "spikes";
    kind.description = "Records the index i and time t of every spike of its source";
    kind.namePrefix = "spikes_";
    kind.style = StyleRole::Recorder;
    kind.add(CommonFields::name("monitor"), &MonitorSpec::name);
    kind.add(CommonFields::typeName(), {});
    kind.add(CommonFields::reference("source", "Source", {ObjectFamily::Group},
                                     "The group whose spikes are recorded"),
             &MonitorSpec::source);
    kind.add(CommonFields::recordEvents(), &MonitorSpec::recordEvents);
    kind.add(CommonFields::when("right after the source's threshold"), &MonitorSpec::when);
    kind.add(CommonFields::order("one after the source's threshold; 0 with a 'when'"),
             &MonitorSpec::order);
    kind.add(CommonFields::active(), &MonitorSpec::active);
    kind.prototype = [] { return MonitorSpec{}; };
    kind.check = checkMonitor;
    return kind;
}

} // namespace

const MonitorKind& spikeMonitorKind() {
    static const MonitorKind kind = describeSpikeMonitor();
    return kind;
}

} // namespace spikestudio
