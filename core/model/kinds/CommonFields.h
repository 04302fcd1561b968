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
                           "exponential_euler, heun, milstein), else Brian2's choice",
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
