#pragma once

#include "expr/Expr.h"
#include "expr/Scope.h"

#include <functional>

namespace spikestudio {

/// Regroups sums and products the way Brian2's code optimiser does before it
/// lifts loop invariants (codegen/optimisation.py, ArithmeticSimplifier's
/// `collect`): each chain of * and / (or + and -) of float values becomes
///     ((number * scalars) / scalars) * per-element terms / per-element terms
/// with the numbers multiplied out and terms that cancel removed. Which
/// parts are scalar decides what is computed once per step: for a GSL
/// method's right-hand side, that is what sees the step's t rather than the
/// solver's (2*pi*f*t with a per-neuron f: 2*pi*t is the step's).
class ArithmeticRegrouping {
public:
    /// `isScalar`: whether a subtree has one value for all elements.
    ArithmeticRegrouping(const Scope& scope, std::function<bool(const ExprPtr&)> isScalar)
        : scope_(scope), isScalar_(std::move(isScalar)) {}

    ExprPtr regroup(const ExprPtr& expr) const;

private:
    ExprPtr withRegroupedOperands(const ExprPtr& expr) const;
    ExprPtr collect(const ExprPtr& expr) const;
    bool isInteger(const ExprPtr& expr) const;
    bool isFloat(const ExprPtr& expr) const;

    const Scope& scope_;
    std::function<bool(const ExprPtr&)> isScalar_;
};

} // namespace spikestudio
