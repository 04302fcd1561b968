#include "model/MonitorChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

MonitorKind describePopulationRateMonitor() {
    MonitorKind kind;
    kind.typeName = "PopulationRateMonitor";
    kind.type = MonitorType::PopulationRate;
    kind.family = ObjectFamily::Monitor;
    kind.label = "population rate monitor";
    kind.shortLabel = "rate";
    kind.summary = "population rate";
    kind.description = "Records the fraction of its source that spikes in each step, as a rate";
    kind.namePrefix = "rate_";
    kind.style = StyleRole::Recorder;
    kind.add(CommonFields::name("monitor"), &MonitorSpec::name);
    kind.add(CommonFields::typeName(), {});
    kind.add(CommonFields::reference("source", "Source", {ObjectFamily::Group},
                                     "The group whose rate is recorded"),
             &MonitorSpec::source);
    kind.add(CommonFields::active(), &MonitorSpec::active);
    kind.prototype = [] { return MonitorSpec{}; };
    kind.check = checkMonitor;
    return kind;
}

} // namespace

const MonitorKind& populationRateMonitorKind() {
    static const MonitorKind kind = describePopulationRateMonitor();
    return kind;
}

} // namespace spikestudio
