#include "model/MonitorChecker.h"

#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/ObjectKinds.h"
#include "model/Subgroups.h"

#include <algorithm>

namespace spikestudio {

namespace {

/// The equations, scope and size a StateMonitor reads from.
struct MonitoredObject {
    std::string name;
    const EquationSet& equations;
    const Scope& scope;
    long long size;
    double dt;
    const std::vector<std::string>& stored; // per-element state beside the equations
};

/// A variable the object stores without an equation: `lastspike` and
/// `not_refractory` of a refractory group, a synapse's `lastupdate`.
bool isStoredWithoutEquation(const MonitoredObject& object, const std::string& variable) {
    return std::find(object.stored.begin(), object.stored.end(), variable) != object.stored.end();
}

void checkRecordedVariables(CheckedMonitor& monitor, const MonitorSpec& spec,
                            const MonitoredObject& object) {
    for (const std::string& variable : spec.variables) {
        const Equation* eq = object.equations.find(variable);
        if (!eq && isStoredWithoutEquation(object, variable)) {
            monitor.variables.push_back(makeName(variable));
            monitor.dimensions.push_back(object.scope.lookup(variable)->dim);
            continue;
        }
        if (!eq)
            throw ModelError({spec.name, "variables", 0, 0},
                             "'" + variable + "' is not a variable of '" + object.name + "'");
        monitor.variables.push_back(object.equations.substituteSubexpressions(makeName(variable)));
        monitor.dimensions.push_back(eq->unit.dim);
    }
    // `record: true` adds every element when the network is built, after its
    // memory is claimed (a group of 1e9 neurons would be 8 GB of indices here).
    if (object.size < 0) { // synapses: counted after connecting, indices checked then
        monitor.indices = spec.record;
        return;
    }
    for (long long index : spec.record) {
        if (index < 0 || index >= object.size)
            throw ModelError({spec.name, "record", 0, 0},
                             "index " + std::to_string(index) + " is out of range for '" +
                                 object.name + "' of size " + std::to_string(object.size));
        monitor.indices.push_back(index);
    }
}

} // namespace

CheckedMonitor checkMonitor(const MonitorSpec& spec, const CheckedModel& model) {
    CheckedMonitor monitor;
    monitor.spec = &spec;
    const bool recordsVariables = ObjectKinds::of(spec.type).hasField("variables");
    const auto slice = findGroupSlice(model.groups, spec.source);
    if (!slice) {
        for (size_t k = 0; k < model.synapses.size(); ++k)
            if (model.synapses[k].name == spec.source && recordsVariables) {
                const CheckedSynapses& s = model.synapses[k];
                monitor.group = k;
                monitor.ofSynapses = true;
                monitor.dt = spec.dt.empty()
                                 ? s.dt
                                 : positiveTime(spec.dt, *s.scope, spec.name, "dt", false);
                checkRecordedVariables(monitor, spec,
                                       {s.name, s.equations, *s.scope, -1, s.dt, s.stateVariables});
                return monitor;
            }
        throw ModelError({spec.name, "source", 0, 0}, "unknown source '" + spec.source + "'");
    }
    monitor.group = slice->group;
    monitor.range = slice->range;
    const CheckedGroup& group = model.groups[slice->group];
    monitor.dt =
        spec.dt.empty() ? group.dt : positiveTime(spec.dt, *group.scope, spec.name, "dt", false);
    if (recordsVariables)
        checkRecordedVariables(monitor, spec,
                               {spec.source, group.equations, *group.scope, slice->range.size,
                                group.dt, group.stateVariables});
    return monitor;
}

} // namespace spikestudio
