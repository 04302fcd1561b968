#include "model/TimedArrays.h"
#include "model/kinds/CommonFields.h"

namespace spikestudio {

namespace {

TimedArraySpec newTimedArray() {
    TimedArraySpec spec;
    spec.dt = "10*ms";
    spec.values = {0, 1};
    spec.rows = 2;
    return spec;
}

TimedArrayKind describeTimedArray() {
    TimedArrayKind kind;
    kind.typeName = "TimedArray";
    kind.family = ObjectFamily::TimedArray;
    kind.label = "TimedArray";
    kind.shortLabel = "table";
    kind.summary = "0 then 1 on a 10 ms grid";
    kind.description = "Values on a time grid, called in expressions as name(t) or name(t, i)";
    kind.namePrefix = "stimulus";
    kind.style = StyleRole::Table;
    kind.add(CommonFields::name("TimedArray"), &TimedArraySpec::name);
    kind.add({.key = "dt",
              .type = FieldType::Expression,
              .required = true,
              .unit = UnitRule::Time,
              .editor = EditorHint::Table,
              .label = "dt",
              .description = "The step of the time grid"},
             &TimedArraySpec::dt);
    kind.add({.key = "unit",
              .type = FieldType::Expression,
              .unit = UnitRule::Any,
              .editor = EditorHint::Table,
              .label = "Unit",
              .emptyMeans = "dimensionless",
              .description = "The unit the values are in"},
             &TimedArraySpec::unit);
    kind.add({.key = "values",
              .type = FieldType::NumberTable,
              .required = true,
              .editor = EditorHint::Table,
              .label = "Values",
              .description = "Numbers: one per grid step, or a row of columns per step"},
             TableSlot<TimedArraySpec>{&TimedArraySpec::values, &TimedArraySpec::rows,
                                       &TimedArraySpec::columns});
    kind.prototype = newTimedArray;
    kind.check = checkTimedArrays;
    return kind;
}

} // namespace

const TimedArrayKind& timedArrayKind() {
    static const TimedArrayKind kind = describeTimedArray();
    return kind;
}

} // namespace spikestudio
