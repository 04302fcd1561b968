#include "diagnostics/ModelError.h"
#include "expr/ConstantFolder.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/CheckedModel.h"
#include "model/GroupChecker.h"
#include "model/NameRules.h"
#include "model/PoissonInputChecker.h"
#include "model/SynapsesChecker.h"
#include "model/TimedArrays.h"
#include "runtime/RandomGenerator.h"

#include <map>
#include <set>

namespace spikestudio {

namespace {

std::unique_ptr<Scope> checkConstants(const NamedExpressions& constants) {
    auto scope = std::make_unique<Scope>();
    for (const auto& constant : constants) {
        const std::string& name = constant.first; // clang 14 cannot capture bindings
        const std::string& text = constant.second;
        requireValidName(name, "constants", name);
        if (scope->definesLocally(name))
            throw ModelError({"constants", name, 0, 0}, "'" + name + "' is defined twice");
        const Quantity value = within(
            "constants", name, [&] { return evaluateQuantity(parseExpression(text), *scope); });
        scope->define(name, Symbol{SymbolKind::Constant, value.dim, ValueType::Float, value.value});
    }
    return scope;
}

/// The equations, scope and size a StateMonitor reads from.
struct MonitoredObject {
    std::string name;
    const EquationSet& equations;
    const Scope& scope;
    long long size;
    double dt;
};

void checkRecordedVariables(CheckedMonitor& monitor, const MonitorSpec& spec,
                            const MonitoredObject& object) {
    for (const std::string& variable : spec.variables) {
        const Equation* eq = object.equations.find(variable);
        if (!eq)
            throw ModelError({spec.name, "variables", 0, 0},
                             "'" + variable + "' is not a variable of '" + object.name + "'");
        monitor.variables.push_back(object.equations.substituteSubexpressions(makeName(variable)));
        monitor.dimensions.push_back(eq->unit.dim);
    }
    if (object.size < 0) { // synapses: counted after connecting, indices checked then
        monitor.indices = spec.record;
        return;
    }
    if (spec.recordAll)
        for (long long k = 0; k < object.size; ++k)
            monitor.indices.push_back(k);
    for (long long index : spec.record) {
        if (index < 0 || index >= object.size)
            throw ModelError({spec.name, "record", 0, 0},
                             "index " + std::to_string(index) + " is out of range for '" +
                                 object.name + "' of size " + std::to_string(object.size));
        monitor.indices.push_back(index);
    }
}

CheckedMonitor checkMonitor(const MonitorSpec& spec, const CheckedModel& model) {
    CheckedMonitor monitor;
    monitor.spec = &spec;
    const auto& groups = model.groups;
    size_t found = groups.size();
    for (size_t k = 0; k < groups.size(); ++k)
        if (groups[k].name == spec.source)
            found = k;
    if (found == groups.size()) {
        for (size_t k = 0; k < model.synapses.size(); ++k)
            if (model.synapses[k].name == spec.source && spec.type == MonitorType::State) {
                const CheckedSynapses& s = model.synapses[k];
                monitor.group = k;
                monitor.ofSynapses = true;
                monitor.dt = spec.dt.empty()
                                 ? s.dt
                                 : positiveTime(spec.dt, *s.scope, spec.name, "dt", false);
                checkRecordedVariables(monitor, spec, {s.name, s.equations, *s.scope, -1, s.dt});
                return monitor;
            }
        throw ModelError({spec.name, "source", 0, 0}, "unknown source '" + spec.source + "'");
    }
    monitor.group = found;
    const CheckedGroup& group = groups[found];
    monitor.dt =
        spec.dt.empty() ? group.dt : positiveTime(spec.dt, *group.scope, spec.name, "dt", false);
    if (spec.type == MonitorType::State)
        checkRecordedVariables(monitor, spec,
                               {group.name, group.equations, *group.scope, group.size, group.dt});
    return monitor;
}

/// Brian2 allows one summed variable per target variable.
void checkSummedWriters(const CheckedModel& model) {
    std::map<std::pair<size_t, std::string>, std::string> writers;
    for (const CheckedSynapses& s : model.synapses)
        for (const CheckedSummedVariable& summed : s.summed) {
            const size_t group = summed.side == SynapseSide::Post ? s.target : s.source;
            const auto [at, isNew] =
                writers.emplace(std::make_pair(group, summed.variable), s.name);
            if (!isNew)
                throw ModelError({s.name, "model", 0, 0},
                                 "'" + summed.variable + "' of '" + model.groups[group].name +
                                     "' is already written by the summed variable of '" +
                                     at->second + "'; only one summed variable may write it");
        }
}

void checkUniqueObjectNames(const Model& model) {
    std::set<std::string> names;
    auto claim = [&names](const std::string& name, const std::string& kind) {
        requireValidName(name, name, "name");
        if (!names.insert(name).second)
            throw ModelError({name, "name", 0, 0}, "another " + kind +
                                                       " or object is already "
                                                       "called '" +
                                                       name + "'");
    };
    for (const GroupSpec& group : model.groups)
        claim(group.name, "group");
    for (const SynapsesSpec& synapses : model.synapses)
        claim(synapses.name, "synapses");
    for (const PoissonInputSpec& input : model.poissonInputs)
        claim(input.name, "PoissonInput");
    for (const MonitorSpec& monitor : model.monitors)
        claim(monitor.name, "monitor");
}

} // namespace

CheckedModel checkModel(Model model, const CheckOptions& options) {
    CheckedModel checked;
    checked.model = std::move(model);
    const Model& m = checked.model;
    checkUniqueObjectNames(m);
    checked.constants = checkConstants(m.constants);
    checked.timedArrays = checkTimedArrays(m.timedArrays, *checked.constants);
    checked.dt = positiveTime(m.dt, *checked.constants, "model", "dt", false);
    const std::string duration = options.duration.value_or(m.duration);
    if (duration.empty())
        throw ModelError({"model", "duration", 0, 0}, "missing field 'duration'");
    checked.duration = positiveTime(duration, *checked.constants, "model", "duration", true);
    checked.seed = options.seed ? *options.seed : (m.seed ? *m.seed : RandomGenerator::freshSeed());
    for (const GroupSpec& spec : m.groups)
        checked.groups.push_back(checkGroup(spec, *checked.constants, checked.dt));
    for (const SynapsesSpec& spec : m.synapses)
        checked.synapses.push_back(
            checkSynapses(spec, checked.groups, *checked.constants, checked.dt));
    checkSummedWriters(checked);
    for (size_t k = 0; k < m.poissonInputs.size(); ++k)
        checked.poissonInputs.push_back(
            checkPoissonInput(m.poissonInputs[k], k, checked.groups, *checked.constants));
    for (const MonitorSpec& spec : m.monitors)
        checked.monitors.push_back(checkMonitor(spec, checked));
    return checked;
}

} // namespace spikestudio
