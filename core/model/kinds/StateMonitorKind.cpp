#include "model/MonitorChecker.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

MonitorKind describeStateMonitor() {
    MonitorKind kind;
    kind.typeName = "StateMonitor";
    kind.type = MonitorType::State;
    kind.family = ObjectFamily::Monitor;
    kind.label = "state monitor";
    kind.shortLabel = "state";
    kind.summary = "variables";
    kind.description = "Records variables of chosen elements of its source at every step "
                       "of its clock";
    kind.namePrefix = "trace_";
    kind.style = StyleRole::Recorder;
    kind.add(CommonFields::name("monitor"), &MonitorSpec::name);
    kind.add(CommonFields::typeName(), {});
    kind.add(CommonFields::reference("source", "Source",
                                     {ObjectFamily::Group, ObjectFamily::Synapses},
                                     "The group or Synapses object whose variables are recorded"),
             &MonitorSpec::source);
    kind.add({.key = "variables",
              .type = FieldType::Names,
              .required = true,
              .emptyListAllowed = true,
              .editor = EditorHint::Table,
              .label = "Variables",
              .description = "The variables of the source to record ([]: only the times of "
                             "its steps, as Brian2's StateMonitor(G, [], ...))"},
             &MonitorSpec::variables);
    kind.add({.key = "record",
              .type = FieldType::RecordChoice,
              .editor = EditorHint::Table,
              .label = "Record",
              .emptyMeans = "every element",
              .description = "true (every element), false (none) or a list of indices"},
             RecordSlot<MonitorSpec>{&MonitorSpec::recordAll, &MonitorSpec::record});
    kind.add(CommonFields::dt("the source's dt"), &MonitorSpec::dt);
    kind.add(CommonFields::when("start"), &MonitorSpec::when);
    kind.add(CommonFields::order("0"), &MonitorSpec::order);
    kind.add(CommonFields::active(), &MonitorSpec::active);
    kind.prototype = [] { return MonitorSpec{}; };
    kind.check = checkMonitor;
    return kind;
}

} // namespace

const MonitorKind& stateMonitorKind() {
    static const MonitorKind kind = describeStateMonitor();
    return kind;
}

} // namespace spikestudio
