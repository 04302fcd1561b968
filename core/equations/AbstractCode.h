#pragma once

#include "expr/Expr.h"

#include <functional>
#include <string>
#include <variant>
#include <vector>

namespace spikestudio {

/// `target = value`. Targets starting with '_' are temporaries local to one
/// element's update (e.g. `_k_1_v`, `_v`); others are the group's variables.
struct Assignment {
    std::string target;
    ExprPtr value;
};

/// Exact update of a linear system dX/dt = M X + B over one step dt:
///   X_new = exp(M dt) X + (integral_0^dt exp(M s) ds) B
/// written into the temporaries `_<variable>`. Entries of M and B are
/// expressions that are constant over the step. Rows flagged in
/// `gatedByRefractoriness` belong to `(unless refractory)` equations: while an
/// element is refractory those rows of M and B are zero.
struct LinearUpdate {
    std::vector<std::string> variables;
    std::vector<ExprPtr> matrix;   // row-major, variables.size() squared; null = 0
    std::vector<ExprPtr> constant; // B, one per variable; null = 0
    std::vector<bool> gatedByRefractoriness;
    ExprPtr step; // the interval integrated over; null = dt (event-driven: t - lastupdate)
};

using AbstractStatement = std::variant<Assignment, LinearUpdate>;

/// The state update of a group as an ordered list of statements, Brian2's
/// "abstract code": integrators produce it, the code generator prints it.
using AbstractCode = std::vector<AbstractStatement>;

/// `code` with `rewrite` applied to every expression it holds.
AbstractCode rewriteExpressions(const AbstractCode& code,
                                const std::function<ExprPtr(const ExprPtr&)>& rewrite);

} // namespace spikestudio
