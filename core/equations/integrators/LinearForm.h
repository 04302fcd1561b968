#pragma once

#include "expr/Expr.h"

#include <map>
#include <optional>
#include <set>
#include <string>

namespace spikestudio {

/// An expression written as sum(coefficient[x] * x) + constant over a set of
/// variables, with coefficients and constant free of them. Null means zero.
struct LinearForm {
    std::map<std::string, ExprPtr> coefficients;
    ExprPtr constant;

    ExprPtr coefficient(const std::string& variable) const {
        const auto found = coefficients.find(variable);
        return found == coefficients.end() ? nullptr : found->second;
    }
};

/// How strictly a form must be linear.
enum class Linearity {
    Affine,     // coefficients and constant free of the variables
    Conditional // Brian2's exponential_euler (sympy's collect after expand): a
                // function call or a divisor that reads a variable is an opaque
                // factor, so `(V - E)*tanh(V/V2)` has the coefficient tanh(V/V2)
};

/// The form of `expr` in `variables`, or nullopt when it is not one (a
/// product of variables, a variable in a power; under Affine also a variable
/// inside a function or a divisor).
std::optional<LinearForm> linearForm(const ExprPtr& expr, const std::set<std::string>& variables,
                                     Linearity linearity = Linearity::Affine);

// Tree builders that drop zeros and ones, treating null as 0.
ExprPtr addTerms(const ExprPtr& a, const ExprPtr& b);
ExprPtr multiplyTerms(const ExprPtr& a, const ExprPtr& b);
ExprPtr negateTerm(const ExprPtr& a);

} // namespace spikestudio
