#pragma once

#include "expr/Expr.h"
#include "expr/Scope.h"
#include "units/Quantity.h"

#include <optional>

namespace spikestudio {

/// The value of `expr` when every name in it is a Constant of `scope` and it
/// draws no random numbers; otherwise nullopt. Values are in SI base units.
std::optional<double> foldConstant(const ExprPtr& expr, const Scope& scope);

/// Evaluates a quantity such as "20*ms" or "(60*0.27/10)*mV": checks units and
/// folds the value. Throws ModelError when the expression is not constant.
Quantity evaluateQuantity(const ExprPtr& expr, const Scope& scope);

/// Applies a built-in function to already evaluated arguments (not rand/randn).
double applyBuiltin(std::string_view function, const double* arguments);

/// Applies an arithmetic, comparison or logical operator to evaluated operands.
double applyUnary(UnaryOp op, double operand);
double applyBinary(BinaryOp op, double left, double right);
double applyCompare(CompareOp op, double left, double right);

} // namespace spikestudio
