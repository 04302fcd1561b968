#pragma once

#include "model/ObjectKind.h"

#include <limits>

namespace spikestudio {

/// Fields several kinds share, described once.
namespace CommonFields {

// Large enough for any realistic network, small enough that allocation
// failures surface as a clear message rather than a crash.
constexpr long long kMaxGroupSize = 1'000'000'000;

inline FieldDescriptor name(const std::string& what) {
    return {.key = "name",
            .type = FieldType::Name,
            .required = true,
            .label = "Name",
            .description = "The " + what + "'s name, unique in the model"};
}

inline FieldDescriptor typeName() {
    return {.key = "type",
            .type = FieldType::TypeName,
            .required = true,
            .description = "Which kind of object this is"};
}

inline FieldDescriptor groupSize() {
    return {.key = "N",
            .type = FieldType::Integer,
            .required = true,
            .unit = UnitRule::Dimensionless,
            .editor = EditorHint::Number,
            .label = "N",
            .description = "The number of neurons",
            .minimum = 1,
            .maximum = kMaxGroupSize};
}

inline FieldDescriptor dt(const std::string& whose) {
    return {.key = "dt",
            .type = FieldType::Expression,
            .unit = UnitRule::Time,
            .label = "dt",
            .emptyMeans = whose,
            .example = "0.1*ms",
            .description = "The time step of this object's clock"};
}

inline FieldDescriptor method(bool liveEditable) {
    return {.key = "method",
            .type = FieldType::Name,
            .editor = EditorHint::Expression,
            .label = "Method",
            .emptyMeans = "automatic",
            .description = "The integration method (exact, euler, rk2, rk4, "
                           "exponential_euler, heun, milstein, or a GSL solver: gsl_rk2, "
                           "gsl_rk4, gsl_rkf45 (gsl), gsl_rkck, gsl_rk8pd), else Brian2's choice",
            .liveEditable = liveEditable};
}

inline FieldDescriptor initial(bool liveEditable) {
    return {.key = "initial",
            .type = FieldType::NamedExpressions,
            .unit = UnitRule::TargetVariable,
            .editor = EditorHint::Table,
            .label = "Initial values",
            .description = "Variable = expression before the run, in the order written",
            .liveEditable = liveEditable};
}

inline FieldDescriptor subgroups() {
    return {.key = "subgroups",
            .type = FieldType::Subgroups,
            .label = "Subgroups",
            .emptyMeans = "none",
            .description = "Named slices of the group (Brian2's P[start:stop]) that synapses, "
                           "monitors and PoissonInputs can use as their source or target"};
}

inline FieldDescriptor events() {
    return {.key = "events",
            .type = FieldType::Events,
            .label = "Events",
            .emptyMeans = "none",
            .description = "Events of the group's own beside 'spike' (Brian2's events= and "
                           "run_on_event): each a name, a condition checked every step after "
                           "the thresholds, and code run for its neurons after the resets"};
}

/// Brian2's `when`: the slot of the time step the object runs in.
inline FieldDescriptor when(const std::string& defaultSlot) {
    return {.key = "when",
            .type = FieldType::ScheduleSlot,
            .label = "When",
            .emptyMeans = defaultSlot,
            .example = "end",
            .description = "The slot of each time step it runs in (Brian2's schedule: start, "
                           "groups, thresholds, synapses, resets, end, each also with before_ "
                           "and after_)"};
}

/// Brian2's `order`: ties within a slot run by order, then by name.
inline FieldDescriptor order(const std::string& defaultOrder) {
    return {.key = "order",
            .type = FieldType::Order,
            .label = "Order",
            .emptyMeans = defaultOrder,
            .example = "1",
            .description = "Within its slot, objects run by increasing order, then by name"};
}

/// Brian2's `active`: an inactive object does not run; its state stays.
inline FieldDescriptor active() {
    return {.key = "active",
            .type = FieldType::Active,
            .label = "Active",
            .emptyMeans = "true",
            .description = "Whether it runs; an inactive object keeps its state and records "
                           "nothing"};
}

/// A SpikeMonitor's or EventMonitor's `record` (Brian2's record=False).
inline FieldDescriptor recordEvents() {
    return {.key = "record",
            .type = FieldType::Flag,
            .label = "Record events",
            .emptyMeans = "true",
            .description = "Whether each event's index and time are recorded; false counts the "
                           "events of each neuron only (Brian2's record=False)"};
}

/// `element`: what the code runs for ("neuron", "synapse").
inline FieldDescriptor runRegularly(const std::string& element) {
    return {.key = "run_regularly",
            .type = FieldType::RunRegularly,
            .label = "Run regularly",
            .emptyMeans = "none",
            .description = "Code run for every " + element +
                           " at regular intervals (Brian2's run_regularly), each entry with its "
                           "own dt, slot and order"};
}

inline FieldDescriptor links() {
    return {.key = "links",
            .type = FieldType::Links,
            .label = "Links",
            .emptyMeans = "none",
            .description = "Where each (linked) variable reads its values: a variable of "
                           "another group, neuron by neuron or through an index (Brian2's "
                           "linked_var)"};
}

inline FieldDescriptor reference(const std::string& key, const std::string& label,
                                 std::vector<ObjectFamily> families,
                                 const std::string& description) {
    return {.key = key,
            .type = FieldType::Reference,
            .required = true,
            .editor = EditorHint::ReferenceChooser,
            .label = label,
            .description = description,
            .references = std::move(families)};
}

} // namespace CommonFields

} // namespace spikestudio
