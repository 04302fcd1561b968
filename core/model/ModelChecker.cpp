#include "diagnostics/ModelError.h"
#include "diagnostics/SizeText.h"
#include "equations/NameRules.h"
#include "expr/ConstantFolder.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/CheckedModel.h"
#include "model/GroupChecker.h"
#include "model/LinkChecker.h"
#include "model/LinkedReads.h"
#include "model/LinkedWrites.h"
#include "model/ObjectKinds.h"
#include "model/ProblemCollector.h"
#include "model/ProtocolChecker.h"
#include "model/RunRegularlyChecker.h"
#include "model/ScheduleChecker.h"
#include "model/Subgroups.h"
#include "model/SynapsesTarget.h"
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

/// Brian2 allows one summed variable per target variable, or several onto
/// subgroups of its group that do not overlap.
void checkSummedWriters(const CheckedModel& model) {
    struct Writer {
        std::string synapses;
        ElementRange range;
    };
    // Keyed by the written group's name: a targeted Synapses object's too.
    std::map<std::pair<std::string, std::string>, std::vector<Writer>> writers;
    for (const CheckedSynapses& s : model.synapses)
        for (const CheckedSummedVariable& summed : s.summed) {
            const bool post = summed.side == SynapseSide::Post;
            const CheckedGroup& group =
                post ? targetGroupOf(model.groups, s) : sourceGroupOf(model.groups, s);
            // Synapses are written whole (their count is not known yet).
            const ElementRange range = group.ofSynapses ? ElementRange{0, 1}
                                       : post           ? s.targetRange
                                                        : s.sourceRange;
            auto& earlier = writers[std::make_pair(group.name, summed.variable)];
            for (const Writer& other : earlier)
                if (range.start < other.range.start + other.range.size &&
                    other.range.start < range.start + range.size)
                    throw ModelError({s.name, "model", 0, 0},
                                     "'" + summed.variable + "' of '" + group.name +
                                         "' is already written by the summed variable of '" +
                                         other.synapses +
                                         "'; only one summed variable may write it (onto "
                                         "subgroups, only onto subgroups that do not overlap)");
            earlier.push_back({s.name, range});
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
    for (const CheckedSegment& segment : model.protocol)
        for (const CheckedProtocolChange& change : segment.set)
            if (change.kind == CheckedProtocolChange::Kind::Dt && change.value < smallest.first)
                smallest = {change.value, "a protocol segment"};
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

void checkUniqueObjectNames(const Model& model, ProblemCollector& problems) {
    std::set<std::string> names;
    // A subgroup's name is claimed in its group's field ('P', 'subgroups[0].name').
    auto claimIn = [&names, &problems](const std::string& object, const std::string& field,
                                       const std::string& name, const std::string& kind) {
        problems.attempt([&] {
            if (const std::string why = whyObjectNameIsRefused(name); !why.empty())
                throw ModelError({object, field, 0, 0}, why);
            if (!names.insert(name).second)
                throw ModelError({object, field, 0, 0},
                                 "another " + kind + " or object is already called '" + name + "'");
        });
    };
    auto claim = [&claimIn](const std::string& name, const std::string& kind) {
        claimIn(name, "name", name, kind);
    };
    for (const GroupSpec& group : model.groups) {
        claim(group.name, "group");
        for (size_t k = 0; k < group.subgroups.size(); ++k)
            claimIn(group.name, subgroupField(k, "name"), group.subgroups[k].name, "subgroup");
    }
    for (const SynapsesSpec& synapses : model.synapses)
        claim(synapses.name, "synapses");
    for (const PoissonInputSpec& input : model.poissonInputs)
        claim(input.name, "PoissonInput");
    for (const MonitorSpec& monitor : model.monitors)
        claim(monitor.name, "monitor");
    problems.attempt([&] { checkMonitorNamesIgnoringCase(model.monitors); });
}

/// The names of the objects whose check failed: what refers to them cannot
/// be checked meaningfully (it would only repeat that they are unknown).
using FailedObjects = std::set<std::string>;

NeuronGroupContext neuronGroupContext(const CheckedModel& checked,
                                      const LinkedSubexpressions& linked, const GroupSpec& spec) {
    NeuronGroupContext context;
    if (const auto expanded = linked.byGroup.find(spec.name); expanded != linked.byGroup.end())
        context.linkedSubexpressions = expanded->second;
    context.legacyRefractoryTiming = checked.model.legacyRefractoryTiming;
    return context;
}

void checkAllGroups(CheckedModel& checked, ProblemCollector& problems, FailedObjects& failed) {
    const LinkedSubexpressions linked =
        findLinkedSubexpressions(checked.model.groups, *checked.constants);
    for (const GroupSpec& spec : checked.model.groups)
        if (!problems.attempt([&] {
                if (const auto refused = linked.refused.find(spec.name);
                    refused != linked.refused.end())
                    throw refused->second;
                CheckedGroup group =
                    spec.type == GroupType::NeuronGroup
                        ? checkNeuronGroup(spec, *checked.constants, checked.dt,
                                           neuronGroupContext(checked, linked, spec))
                        : checkGroup(spec, *checked.constants, checked.dt);
                group.subgroups = checkSubgroups(spec);
                group.runRegularly = checkRunRegularly(spec, group, *checked.constants);
                checked.groups.push_back(std::move(group));
            })) {
            failed.insert(spec.name);
            for (const SubgroupSpec& subgroup : spec.subgroups)
                failed.insert(subgroup.name);
        }
}

void checkAllSynapses(CheckedModel& checked, ProblemCollector& problems, FailedObjects& failed) {
    const std::vector<SynapsesSpec>& specs = checked.model.synapses;
    for (size_t k = 0; k < specs.size(); ++k) {
        const SynapsesSpec& spec = specs[k];
        if (failed.count(spec.source) || failed.count(spec.target)) {
            failed.insert(spec.name);
            continue;
        }
        const SynapsesContext context{checked.groups,  *checked.constants, checked.dt, specs, k,
                                      checked.synapses};
        if (!problems.attempt(
                [&] { checked.synapses.push_back(ObjectKinds::synapses().check(spec, context)); }))
            failed.insert(spec.name);
    }
}

void checkInputsAndMonitors(CheckedModel& checked, ProblemCollector& problems,
                            const FailedObjects& failed) {
    const Model& m = checked.model;
    for (size_t k = 0; k < m.poissonInputs.size(); ++k)
        if (!failed.count(m.poissonInputs[k].target))
            problems.attempt([&] {
                checked.poissonInputs.push_back(ObjectKinds::poissonInput().check(
                    m.poissonInputs[k], k, checked.groups, *checked.constants));
            });
    for (const MonitorSpec& spec : m.monitors)
        if (!failed.count(spec.source))
            problems.attempt([&] {
                checked.monitors.push_back(ObjectKinds::of(spec.type).check(spec, checked));
            });
}

/// The model's clock and duration; false when the objects cannot be checked.
bool checkTimes(CheckedModel& checked, const CheckOptions& options, ProblemCollector& problems,
                bool& durationChecked) {
    const Model& m = checked.model;
    const bool dtChecked = problems.attempt(
        [&] { checked.dt = positiveTime(m.dt, *checked.constants, "model", "dt", false); });
    durationChecked = problems.attempt([&] {
        if (!m.protocol.empty()) {
            checked.duration = checkProtocolDurations(
                m, *checked.constants, options.duration.has_value(), checked.protocol);
            return;
        }
        const std::string duration = options.duration.value_or(m.duration);
        if (duration.empty())
            throw ModelError({"model", "duration", 0, 0}, "missing field 'duration'");
        checked.duration = positiveTime(duration, *checked.constants, "model", "duration", true);
    });
    return dtChecked;
}

} // namespace

CheckedModel checkModel(Model model, const CheckOptions& options) {
    CheckedModel checked;
    checked.model = std::move(model);
    const Model& m = checked.model;
    ProblemCollector problems;
    checkUniqueObjectNames(m, problems);
    checkSchedules(m, problems);
    // Everything else reads the constants, the TimedArrays and the model's dt:
    // past a problem in those, it would only report what follows from it.
    bool durationChecked = false;
    const bool foundation = problems.attempt([&] {
        checked.constants = checkConstants(m.constants);
        checked.timedArrays = ObjectKinds::timedArray().check(m.timedArrays, *checked.constants);
        padForReplacements(checked.timedArrays, m.protocol, *checked.constants);
        checked.binomialFunctions =
            ObjectKinds::binomialFunction().check(m.binomialFunctions, *checked.constants);
    }) && checkTimes(checked, options, problems, durationChecked);
    if (!foundation)
        problems.throwIfAny();
    checked.seed = options.seed ? *options.seed : (m.seed ? *m.seed : freshSeed());
    FailedObjects failed;
    checkAllGroups(checked, problems, failed);
    checkLinks(checked, failed, problems);
    checkLinkedWrites(checked, problems);
    checkAllSynapses(checked, problems, failed);
    problems.attempt([&] { checkSummedWriters(checked); });
    checkInputsAndMonitors(checked, problems, failed);
    if (durationChecked && failed.empty()) // group indices hold only when all were checked
        problems.attempt([&] { checkProtocolChanges(checked); });
    if (durationChecked)
        problems.attempt([&] { checkRunLength(checked); });
    if (problems.empty())
        refuseLinkedVariablesOutsideKernels(checked, problems);
    problems.throwIfAny();
    return checked;
}

} // namespace spikestudio
