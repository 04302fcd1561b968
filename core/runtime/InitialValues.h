#pragma once

#include "expr/Scope.h"
#include "expr/Statement.h"
#include "runtime/GroupState.h"
#include "runtime/RandomGenerator.h"
#include "runtime/VectorEvaluator.h"

#include <vector>

namespace spikestudio {

/// Evaluates `initial` assignments over all elements of a group, as Brian2's
/// numpy target does: expression by expression, each rand()/randn() call site
/// drawing N values in element order. So a seeded model starts from exactly
/// Brian2's random initial state.
/// The columns a group's expressions read: i, t, dt and its variables.
ColumnSource groupColumns(GroupState& group);

void applyInitialValues(const std::vector<Statement>& initial, const Scope& scope,
                        GroupState& group, RandomGenerator& random);

} // namespace spikestudio
