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

/// The affine form of `expr` in `variables`, or nullopt when it is not affine
/// (a product or quotient of variables, a variable inside a function or power).
std::optional<LinearForm> linearForm(const ExprPtr& expr, const std::set<std::string>& variables);

// Tree builders that drop zeros and ones, treating null as 0.
ExprPtr addTerms(const ExprPtr& a, const ExprPtr& b);
ExprPtr multiplyTerms(const ExprPtr& a, const ExprPtr& b);
ExprPtr negateTerm(const ExprPtr& a);

} // namespace spikestudio
