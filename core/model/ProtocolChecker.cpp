#include "model/ProtocolChecker.h"

#include "diagnostics/ModelError.h"
#include "equations/integrators/StateUpdateMethod.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"
#include "model/GroupChecker.h"
#include "model/Subgroups.h"
#include "model/SynapsesChecker.h"
#include "model/TimedArrays.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <optional>

namespace spikestudio {

namespace {

std::string segmentField(size_t k) {
    return "protocol[" + std::to_string(k) + "]";
}

[[noreturn]] void refuse(const std::string& field, const std::string& problem) {
    throw ModelError({"model", field, 0, 0}, problem);
}

/// The name of the group whose subgroup `name` is, or nothing.
std::optional<std::string> parentOfSubgroup(const CheckedModel& checked, const std::string& name) {
    const auto slice = findGroupSlice(checked.groups, name);
    if (!slice || checked.groups[slice->group].name == name)
        return std::nullopt;
    return checked.groups[slice->group].name;
}

/// `objectScope` with the constants the protocol changed so far (the local
/// symbols of `current`) at their new values; null when none changed.
std::shared_ptr<const Scope> withChangedConstants(const Scope& objectScope, const Scope& current) {
    if (current.localSymbols().empty())
        return nullptr;
    auto scope = std::make_shared<Scope>(&objectScope);
    for (const auto& symbol : current.localSymbols()) {
        const auto seen = objectScope.lookup(symbol.first);
        if (seen && seen->kind == SymbolKind::Constant) // not hidden by a variable
            scope->define(symbol.first, symbol.second);
    }
    return scope;
}

/// Values of a group or of a Synapses object, checked as its `initial` list.
CheckedProtocolChange checkValues(const CheckedModel& checked, const ProtocolChange& change,
                                  const std::string& field, const Scope& current) {
    CheckedProtocolChange result;
    for (size_t g = 0; g < checked.groups.size(); ++g)
        if (checked.groups[g].name == change.object) {
            result.group = g;
            result.assignment =
                checkAssignment(change.assignment, field, groupAssignmentOwner(checked.groups[g]));
            result.scope = withChangedConstants(*checked.groups[g].scope, current);
            return result;
        }
    for (size_t s = 0; s < checked.synapses.size(); ++s)
        if (checked.synapses[s].name == change.object) {
            result.kind = CheckedProtocolChange::Kind::SynapseValues;
            result.group = s;
            result.assignment =
                checkAssignment(change.assignment, field,
                                synapsesAssignmentOwner(checked.synapses[s], checked.groups,
                                                        SynapseValuesAt::BetweenRuns));
            result.scope = withChangedConstants(*checked.synapses[s].scope, current);
            return result;
        }
    if (const auto group = parentOfSubgroup(checked, change.object))
        refuse(field + ".object", "'" + change.object + "' is a subgroup of '" + *group +
                                      "'; set the values on '" + *group +
                                      "' and select the neurons with 'index'");
    refuse(field + ".object", "unknown group or Synapses object '" + change.object + "'");
}

/// A constant's new value: an expression of constants (with the values the
/// protocol gave them so far) in the unit the constant was declared with.
CheckedProtocolChange checkConstant(const CheckedModel& checked, const ProtocolChange& change,
                                    const std::string& field, Scope& current) {
    const NamedExpressions& constants = checked.model.constants;
    const auto declared =
        std::find_if(constants.begin(), constants.end(),
                     [&](const auto& constant) { return constant.first == change.constant; });
    if (declared == constants.end())
        refuse(field + ".constant",
               "'" + change.constant + "' is not one of the model's constants");
    const Symbol before = *current.lookup(change.constant);
    const Quantity value = within("model", field + ".value", [&] {
        const Quantity q = evaluateQuantity(parseExpression(change.assignment.value), current);
        if (q.dim != before.dim)
            throw ModelError({"", "", 1, 1},
                             "DimensionMismatchError: the constant '" + change.constant +
                                 "' has unit " + displayUnit(before.dim) + ", but '" +
                                 change.assignment.value + "' has unit " + displayUnit(q.dim));
        if (!std::isfinite(q.value))
            throw ModelError({"", "", 1, 1},
                             "'" + change.assignment.value + "' is not a finite value");
        return q;
    });
    current.define(change.constant,
                   Symbol{SymbolKind::Constant, value.dim, ValueType::Float, value.value});
    CheckedProtocolChange result;
    result.kind = CheckedProtocolChange::Kind::Constant;
    result.constant = static_cast<size_t>(declared - constants.begin());
    result.value = value.value;
    return result;
}

/// Whether `name` is an object with operations of its own: a group, a
/// Synapses object, a PoissonInput or a monitor.
bool runsOperations(const Model& model, const std::string& name) {
    const auto named = [&](const auto& list) {
        return std::any_of(list.begin(), list.end(),
                           [&](const auto& spec) { return spec.name == name; });
    };
    return named(model.groups) || named(model.synapses) || named(model.poissonInputs) ||
           named(model.monitors);
}

CheckedProtocolChange checkActive(const CheckedModel& checked, const ProtocolChange& change,
                                  const std::string& field) {
    if (!runsOperations(checked.model, change.object)) {
        if (const auto group = parentOfSubgroup(checked, change.object))
            refuse(field + ".object", "'" + change.object + "' is a subgroup of '" + *group +
                                          "'; only '" + *group +
                                          "' as a whole can be switched on or off");
        refuse(field + ".object", "unknown object '" + change.object + "'");
    }
    for (const GroupSpec& group : checked.model.groups)
        if (group.name == change.object && group.type == GroupType::SpikeGeneratorGroup)
            refuse(field + ".object",
                   "'" + change.object +
                       "' is a SpikeGeneratorGroup; switching it on or off "
                       "between segments is not supported yet (Brian2 emits the spikes it missed "
                       "all at once when it runs again)");
    CheckedProtocolChange result;
    result.kind = CheckedProtocolChange::Kind::Active;
    result.object = change.object;
    result.active = *change.active;
    return result;
}

/// New spikes of a SpikeGeneratorGroup, checked as its own `indices`,
/// `times` and `period` are. A period takes effect from the segment's start,
/// which must then be a whole number of periods: Brian2 emits at once the
/// spikes of the current period it has missed when set_spikes comes mid-period.
CheckedProtocolChange checkSpikes(const CheckedModel& checked, const ProtocolChange& change,
                                  const std::string& field, double segmentStart) {
    const auto spec = std::find_if(checked.model.groups.begin(), checked.model.groups.end(),
                                   [&](const GroupSpec& g) { return g.name == change.object; });
    if (spec == checked.model.groups.end()) {
        if (const auto group = parentOfSubgroup(checked, change.object))
            refuse(field + ".object", "'" + change.object + "' is a subgroup of '" + *group +
                                          "'; spikes are set on a SpikeGeneratorGroup");
        refuse(field + ".object", "unknown SpikeGeneratorGroup '" + change.object + "'");
    }
    if (spec->type != GroupType::SpikeGeneratorGroup)
        refuse(field + ".object", "'" + change.object +
                                      "' is not a SpikeGeneratorGroup; only a "
                                      "SpikeGeneratorGroup's spikes can be set");
    GroupSpec replaced = *spec;
    replaced.spikeIndices = change.spikes->indices;
    replaced.spikeTimes = change.spikes->times;
    replaced.period = change.spikes->period;
    CheckedGroup group;
    try {
        group = checkSpikeGeneratorGroup(replaced, *checked.constants, checked.dt);
    } catch (const ModelError& error) {
        throw error.underField(change.object, field);
    }
    if (group.period > 0) {
        const double periods = segmentStart / group.period;
        if (std::abs(periods - std::round(periods)) > 1e-9 * std::max(1.0, periods))
            throw ModelError({change.object, field + ".period", 0, 0},
                             "the new spikes repeat every " + formatNumber(group.period) +
                                 " s from the segment's start at " + formatNumber(segmentStart) +
                                 " s, which must be a whole number of periods");
    }
    CheckedProtocolChange result;
    result.kind = CheckedProtocolChange::Kind::Spikes;
    result.group = static_cast<size_t>(
        std::find_if(checked.groups.begin(), checked.groups.end(),
                     [&](const CheckedGroup& g) { return g.name == change.object; }) -
        checked.groups.begin());
    result.spikeIndices = std::move(group.spikeIndices);
    result.spikeTimes = std::move(group.spikeTimes);
    result.period = group.period;
    return result;
}

/// A TimedArray replaced by another of the same name (Brian2's `stimulus =
/// TimedArray(...)` between runs: the next run reads the name again). Kernels
/// are built for the array's grid step and columns, which the new values keep.
CheckedProtocolChange checkTimedArrayChange(const CheckedModel& checked,
                                            const ProtocolChange& change,
                                            const std::string& field) {
    const TimedArraySpec& spec = *change.timedArray;
    const auto found =
        std::find_if(checked.timedArrays.begin(), checked.timedArrays.end(),
                     [&](const CheckedTimedArray& array) { return array.name == spec.name; });
    if (found == checked.timedArrays.end())
        refuse(field + ".timed_array", "'" + spec.name + "' is not one of the model's TimedArrays");
    const auto problem = [&](const std::string& key, const std::string& text) {
        throw ModelError({spec.name, field + "." + key, 0, 0}, text);
    };
    CheckedTimedArray replaced;
    try {
        replaced = checkTimedArrayValues(spec, *checked.constants);
    } catch (const ModelError& error) {
        throw error.underField(spec.name, field);
    }
    if (std::abs(replaced.dt - found->dt) > 1e-9 * found->dt)
        problem("dt", "the TimedArray keeps its grid step of " + formatNumber(found->dt) +
                          " s between segments (kernels are built for it), got " +
                          formatNumber(replaced.dt) + " s");
    if (!(replaced.dim == found->dim))
        problem("unit", "DimensionMismatchError: '" + spec.name + "' has values in " +
                            displayUnit(found->dim) + ", the new ones are in " +
                            displayUnit(replaced.dim));
    if (replaced.columns != found->columns)
        problem("values", "the TimedArray keeps its " +
                              (found->columns == 0 ? std::string("one column")
                                                   : std::to_string(found->columns) + " columns") +
                              " between segments");
    padToRows(replaced, found->rows);
    CheckedProtocolChange result;
    result.kind = CheckedProtocolChange::Kind::TimedArray;
    result.timedArray = static_cast<size_t>(found - checked.timedArrays.begin());
    result.timedArrayValues = std::move(replaced.values);
    return result;
}

/// What of the model is built for one dt of the default clock: a refusal
/// naming it, or "" (kernels read dt at every step; these do not).
std::string bakedForDefaultDt(const CheckedModel& checked) {
    if (!checked.timedArrays.empty())
        return "TimedArrays (their lookups are built for one dt)";
    for (size_t g = 0; g < checked.groups.size(); ++g) {
        if (!checked.model.groups[g].dt.empty())
            continue; // a clock of its own keeps its dt
        const CheckedGroup& group = checked.groups[g];
        if (group.type == GroupType::SpikeGeneratorGroup)
            return "the SpikeGeneratorGroup '" + group.name +
                   "' on it (its spikes are binned "
                   "for one dt)";
        if (isGslMethod(group.method))
            return "the GSL method of '" + group.name + "' on it";
        for (const CheckedPoissonInput& input : checked.poissonInputs)
            if (input.target == g)
                return "the PoissonInput '" + input.name + "' onto '" + group.name +
                       "' (its probability is rate * dt)";
    }
    return "";
}

/// Brian2's `defaultclock.dt = ...` between two runs: the network's time at
/// the segment's start must be a whole number of new steps (Brian2's check_dt,
/// within 1e-4 of a step).
CheckedProtocolChange checkDtChange(const CheckedModel& checked, const ProtocolChange& change,
                                    const std::string& field, double segmentStart) {
    const double dt = positiveTime(change.dt, *checked.constants, "model", field + ".dt", false);
    const double steps = std::round(segmentStart / dt);
    if (steps * dt != segmentStart && std::fabs(steps * dt - segmentStart) / dt > 1e-4)
        refuse(field + ".dt", "the segment starts at t = " + formatNumber(segmentStart) +
                                  " s, not a whole number of steps of " + formatNumber(dt) +
                                  " s (Brian2 refuses this dt here too)");
    if (const std::string baked = bakedForDefaultDt(checked); !baked.empty())
        refuse(field + ".dt",
               "the default clock's dt cannot change between segments with " + baked);
    CheckedProtocolChange result;
    result.kind = CheckedProtocolChange::Kind::Dt;
    result.value = dt;
    return result;
}

CheckedProtocolChange checkReseed(const ProtocolChange& change) {
    CheckedProtocolChange result;
    result.kind = CheckedProtocolChange::Kind::Seed;
    result.reseed = *change.reseed;
    return result;
}

/// The first segment may only seed the stream again (Brian2's `seed()` after
/// the last assignment, before the first `run()`): what holds before it is the
/// objects' `initial`, their `active` and the model's `constants`.
void refuseInFirstSegment(const ProtocolChange& change, const std::string& field) {
    if (change.reseeds())
        return;
    if (change.changesConstant())
        refuse(field, "the first segment changes no constant: its values are the model's "
                      "'constants'");
    if (change.switchesActive())
        refuse(field, "the first segment switches nothing: whether an object runs in it is "
                      "its 'active'");
    if (change.setsSpikes())
        refuse(field, "the first segment sets no spikes: what a SpikeGeneratorGroup emits in "
                      "it is its own 'indices' and 'times'");
    if (change.replacesTimedArray())
        refuse(field, "the first segment replaces no TimedArray: it reads the model's "
                      "'timed_arrays'");
    if (change.changesDt())
        refuse(field, "the first segment changes no dt: it runs at the model's 'dt'");
    refuse(field, "the first segment sets no values: what holds before the run is the objects' "
                  "'initial'");
}

} // namespace

double checkProtocolDurations(const Model& model, const Scope& constants, bool overrideGiven,
                              std::vector<CheckedSegment>& segments) {
    if (!model.duration.empty())
        throw ModelError({"model", "duration", 0, 0},
                         "a model with a protocol runs for the sum of its segments' durations; "
                         "leave 'duration' out");
    if (overrideGiven)
        throw ModelError({"model", "protocol", 0, 0},
                         "a model with a protocol runs its segments; a duration given for the "
                         "run cannot replace them");
    double total = 0.0;
    segments.clear();
    for (size_t k = 0; k < model.protocol.size(); ++k) {
        CheckedSegment segment;
        segment.duration = positiveTime(model.protocol[k].duration, constants, "model",
                                        segmentField(k) + ".duration", true);
        total += segment.duration;
        segments.push_back(std::move(segment));
    }
    return total;
}

void checkProtocolChanges(CheckedModel& checked) {
    const std::vector<ProtocolSegmentSpec>& protocol = checked.model.protocol;
    Scope current(checked.constants.get()); // the constants as the segments change them
    double segmentStart = 0.0;
    for (size_t k = 0; k < protocol.size() && k < checked.protocol.size();
         segmentStart += checked.protocol[k++].duration)
        for (size_t j = 0; j < protocol[k].set.size(); ++j) {
            const std::string field = segmentField(k) + ".set[" + std::to_string(j) + "]";
            const ProtocolChange& change = protocol[k].set[j];
            if (k == 0)
                refuseInFirstSegment(change, field);
            checked.protocol[k].set.push_back(
                change.changesConstant()      ? checkConstant(checked, change, field, current)
                : change.switchesActive()     ? checkActive(checked, change, field)
                : change.reseeds()            ? checkReseed(change)
                : change.setsSpikes()         ? checkSpikes(checked, change, field, segmentStart)
                : change.replacesTimedArray() ? checkTimedArrayChange(checked, change, field)
                : change.changesDt()          ? checkDtChange(checked, change, field, segmentStart)
                                              : checkValues(checked, change, field, current));
        }
}

} // namespace spikestudio
