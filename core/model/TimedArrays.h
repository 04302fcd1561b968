#pragma once

#include "expr/Scope.h"
#include "model/CheckedModel.h"

#include <vector>

namespace spikestudio {

/// Checks the model's TimedArrays (names, grid step, unit, values) and defines
/// each as a function in `constants`, so that expressions can call it.
std::vector<CheckedTimedArray> checkTimedArrays(const std::vector<TimedArraySpec>& specs,
                                                Scope& constants);

/// Redefines every TimedArray of `constants` in `scope` as seen from a clock
/// of step `dt`: Brian2's oversampling factor, and whether a value holds over a step.
void defineTimedArraysFor(Scope& scope, const Scope& constants, double dt);

/// Throws ModelError at the first TimedArray call in `expr`: values computed
/// before the run (initial values, connect rules, delays) have no time.
void refuseTimedArrayCalls(const ExprPtr& expr, const Scope& scope);

} // namespace spikestudio
