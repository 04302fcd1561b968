#include "diagnostics/ModelError.h"
#include "expr/Parser.h"
#include "model/GroupEvents.h"
#include "model/Subgroups.h"
#include "model/kinds/CommonFields.h"

#include <algorithm>

namespace spikestudio {

namespace {

GroupSlice sourceGroup(const MonitorSpec& spec, const CheckedModel& model) {
    if (const auto slice = findGroupSlice(model.groups, spec.source))
        return *slice;
    for (const CheckedSynapses& synapses : model.synapses)
        if (synapses.name == spec.source)
            throw ModelError({spec.name, "source", 0, 0},
                             "'" + spec.source +
                                 "' is a Synapses object; an EventMonitor records the events "
                                 "of a group");
    throw ModelError({spec.name, "source", 0, 0}, "unknown source '" + spec.source + "'");
}

void checkEvent(const MonitorSpec& spec, const CheckedGroup& group) {
    const std::string event = spec.event.empty() ? kSpikeEvent : spec.event;
    if (!hasEvent(group, event))
        throw ModelError({spec.name, "event", 0, 0}, "'" + group.name + "' has no event '" + event +
                                                         "' (" + describeEvents(group) + ")");
}

/// Each recorded variable must be one the group stores per neuron: the
/// monitor copies its value at each event.
void checkVariables(const MonitorSpec& spec, const CheckedGroup& group, CheckedMonitor& monitor) {
    for (const std::string& variable : spec.variables) {
        const auto& stored = group.stateVariables;
        if (std::find(stored.begin(), stored.end(), variable) == stored.end()) {
            const Equation* eq = group.equations.find(variable);
            throw ModelError({spec.name, "variables", 0, 0},
                             "'" + variable + "' is " +
                                 (eq ? std::string(eq->hasFlag("linked") ? "a linked variable"
                                                                         : "a subexpression") +
                                           " of '" + group.name +
                                           "'; an EventMonitor records stored variables"
                                     : "not a variable of '" + group.name + "'"));
        }
        monitor.variables.push_back(makeName(variable));
        monitor.dimensions.push_back(group.scope->lookup(variable)->dim);
    }
}

CheckedMonitor checkEventMonitor(const MonitorSpec& spec, const CheckedModel& model) {
    const GroupSlice source = sourceGroup(spec, model);
    const CheckedGroup& group = model.groups[source.group];
    checkEvent(spec, group);
    CheckedMonitor monitor;
    monitor.spec = &spec;
    monitor.group = source.group;
    monitor.range = source.range;
    monitor.dt = group.dt;
    if (!spec.recordEvents && !spec.variables.empty())
        throw ModelError({spec.name, "record", 0, 0},
                         "'record': false counts the events only, so it records no variables "
                         "(Brian2 would record their values without i and t)");
    checkVariables(spec, group, monitor);
    return monitor;
}

MonitorKind describeEventMonitor() {
    MonitorKind kind;
    kind.typeName = "EventMonitor";
    kind.type = MonitorType::Event;
    kind.family = ObjectFamily::Monitor;
    kind.label = "event monitor";
    kind.shortLabel = "events";
    kind.summary = "events";
    kind.description = "Records the index i, the time t and chosen variables of its source at "
                       "each of its events";
    kind.namePrefix = "events_";
    kind.style = StyleRole::Recorder;
    kind.add(CommonFields::name("monitor"), &MonitorSpec::name);
    kind.add(CommonFields::typeName(), {});
    kind.add(CommonFields::reference("source", "Source", {ObjectFamily::Group},
                                     "The group whose events are recorded"),
             &MonitorSpec::source);
    kind.add({.key = "event",
              .type = FieldType::Name,
              .label = "Event",
              .emptyMeans = kSpikeEvent,
              .description = "The event of the source to record: its threshold's 'spike' or one of "
                             "its custom events"},
             &MonitorSpec::event);
    kind.add({.key = "variables",
              .type = FieldType::Names,
              .editor = EditorHint::Table,
              .label = "Variables",
              .emptyMeans = "none: only i and t",
              .description = "Variables of the source recorded at each event, after the "
                             "threshold and before the reset"},
             &MonitorSpec::variables);
    kind.add(CommonFields::recordEvents(), &MonitorSpec::recordEvents);
    kind.add(CommonFields::when("right after the source's threshold"), &MonitorSpec::when);
    kind.add(CommonFields::order("one after the source's threshold; 0 with a 'when'"),
             &MonitorSpec::order);
    kind.add(CommonFields::active(), &MonitorSpec::active);
    kind.prototype = [] { return MonitorSpec{}; };
    kind.check = checkEventMonitor;
    return kind;
}

} // namespace

const MonitorKind& eventMonitorKind() {
    static const MonitorKind kind = describeEventMonitor();
    return kind;
}

} // namespace spikestudio
