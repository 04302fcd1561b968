#pragma once

#include "expr/Expr.h"
#include "expr/Scope.h"

namespace spikestudio {

/// The unit and value type an expression produces.
struct ValueInfo {
    Dimension dim;
    ValueType type = ValueType::Float;

    bool isBoolean() const { return type == ValueType::Boolean; }
};

/// Checks an expression with Brian2's unit rules (parse_expression_dimensions)
/// and returns what it produces. Throws ModelError at the offending node for
/// unknown names, functions used as values (or values called), wrong argument
/// counts, and every DimensionMismatchError case: + - % and comparisons across
/// units, function arguments, non-constant exponents of dimensioned bases,
/// floor division of dimensioned values.
ValueInfo checkDimensions(const ExprPtr& expr, const Scope& scope);

/// Throws unless `expr` is a boolean expression (comparisons, and/or/not, booleans).
void requireBoolean(const ExprPtr& expr, const Scope& scope, const std::string& what);

/// Brian2's get_unit_for_display: the unit symbol, or "1" when dimensionless.
std::string displayUnit(const Dimension& dim);

} // namespace spikestudio
