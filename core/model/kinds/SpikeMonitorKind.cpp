#include "model/MonitorChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

MonitorKind describe() {
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
    kind.prototype = [] { return MonitorSpec{}; };
    kind.check = checkMonitor;
    return kind;
}

} // namespace

const MonitorKind& spikeMonitorKind() {
    static const MonitorKind kind = describe();
    return kind;
}

} // namespace spikestudio
