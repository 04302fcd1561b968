#pragma once

#include "expr/Scope.h"
#include "model/CheckedModel.h"

#include <vector>

namespace spikestudio {

/// Checks the model's TimedArrays (names, grid step, unit, values) and defines
/// each as a function in `constants`, so that expressions can call it.
std::vector<CheckedTimedArray> checkTimedArrays(const std::vector<TimedArraySpec>& specs,
                                                Scope& constants);

/// A TimedArray's grid step, unit and values in SI, its name unchecked (a
/// protocol's replacement carries the name of the array it replaces).
CheckedTimedArray checkTimedArrayValues(const TimedArraySpec& spec, const Scope& constants);

/// Kernels read a TimedArray with its number of rows written in, and a
/// protocol may replace its values with more rows: every version is padded to
/// the most rows any has, repeating its last row (which a lookup past the end
/// reads anyway). Pads `arrays` and their functions in `constants`.
void padForReplacements(std::vector<CheckedTimedArray>& arrays,
                        const std::vector<ProtocolSegmentSpec>& protocol, Scope& constants);

/// `array` with its last row repeated until it has `rows` rows.
void padToRows(CheckedTimedArray& array, long long rows);

/// Redefines every TimedArray of `constants` in `scope` as seen from a clock
/// of step `dt`: Brian2's oversampling factor, and whether a value holds over a step.
void defineTimedArraysFor(Scope& scope, const Scope& constants, double dt);

/// Throws ModelError at the first TimedArray call in `expr`: values computed
/// before the run (initial values, connect rules, delays) have no time.
void refuseTimedArrayCalls(const ExprPtr& expr, const Scope& scope);

} // namespace spikestudio
