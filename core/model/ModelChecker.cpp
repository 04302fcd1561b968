#include "diagnostics/ModelError.h"
#include "diagnostics/SizeText.h"
#include "equations/NameRules.h"
#include "expr/ConstantFolder.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/CheckedModel.h"
#include "model/GroupChecker.h"
#include "model/PoissonInputChecker.h"
#include "model/SynapsesChecker.h"
#include "model/TimedArrays.h"
#include "timing/TimeSteps.h"

#include <cctype>
#include <map>
#include <random>
#include <set>

namespace spikestudio {

namespace {

/// A seed for models that give none: different on every run.
std::uint32_t freshSeed() {
    return std::random_device{}();
}

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

std::string lowerCase(std::string text) {
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

/// Monitor names become file names (`<monitor>.csv`), which some file systems
/// compare without case: two that differ only in case would overwrite each other.
void checkMonitorNamesIgnoringCase(const std::vector<MonitorSpec>& monitors) {
    std::map<std::string, std::string> seen;
    for (const MonitorSpec& monitor : monitors) {
        const auto [at, isNew] = seen.emplace(lowerCase(monitor.name), monitor.name);
        if (!isNew)
            throw ModelError({monitor.name, "name", 0, 0},
                             "another monitor is called '" + at->second +
                                 "'; monitor names become file names, so they must differ in "
                                 "more than upper and lower case");
    }
}

/// The smallest dt any clock of the model runs on, and whose it is.
std::pair<double, std::string> smallestDt(const CheckedModel& model) {
    std::pair<double, std::string> smallest{model.dt, "the model"};
    const auto consider = [&smallest](double dt, const std::string& owner) {
        if (dt < smallest.first)
            smallest = {dt, "'" + owner + "'"};
    };
    for (const CheckedGroup& group : model.groups)
        consider(group.dt, group.name);
    for (const CheckedSynapses& synapses : model.synapses)
        consider(synapses.dt, synapses.name);
    for (const CheckedMonitor& monitor : model.monitors)
        consider(monitor.dt, monitor.spec->name);
    return smallest;
}

/// Every clock counts the run's steps in 64-bit integers within kMaxRunSteps:
/// beyond, Brian2 itself warns that t is no longer a multiple of dt, and its
/// step count overflows to a run of 0 steps past 2^63 (1e15 s at 0.1 ms).
void checkRunLength(const CheckedModel& model) {
    const auto [dt, owner] = smallestDt(model);
    const auto steps = stepsFor(model.duration, dt);
    if (steps && *steps <= kMaxRunSteps)
        return;
    throw ModelError({"model", "duration", 0, 0},
                     formatNumber(model.duration) + " s is " + formatCount(model.duration / dt) +
                         " time steps of " + formatNumber(dt) + " s (the dt of " + owner +
                         "); a run can have at most 2^40 = " + std::to_string(kMaxRunSteps) +
                         " steps, beyond which t is no longer an exact multiple of dt");
}

void checkUniqueObjectNames(const Model& model) {
    std::set<std::string> names;
    auto claim = [&names](const std::string& name, const std::string& kind) {
        if (const std::string why = whyObjectNameIsRefused(name); !why.empty())
            throw ModelError({name, "name", 0, 0}, why);
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
    checkMonitorNamesIgnoringCase(model.monitors);
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
    checked.seed = options.seed ? *options.seed : (m.seed ? *m.seed : freshSeed());
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
    checkRunLength(checked);
    return checked;
}

} // namespace spikestudio
