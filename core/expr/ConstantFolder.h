#pragma once

#include "expr/Expr.h"
#include "expr/Scope.h"
#include "units/Quantity.h"

#include <optional>
#include <unordered_map>

namespace spikestudio {

/// Folds expressions over one scope, remembering every node it folded, so
/// that folding many overlapping expressions (each exponent of a long
/// expression) costs their combined size once. Walks without recursion.
class ConstantFolder {
public:
    explicit ConstantFolder(const Scope& scope) : scope_(scope) {}

    /// The value of `expr`, or nullopt when it is not constant (see foldConstant).
    std::optional<double> fold(const ExprPtr& expr);
    /// One node whose operands are folded already.
    std::optional<double> foldNode(const Expr& node) const;

private:
    std::optional<double> operand(const Expr& node, size_t k) const;
    std::optional<double> foldPair(const Expr& node) const;
    std::optional<double> foldCall(const Expr& node) const;

    const Scope& scope_;
    std::unordered_map<const Expr*, std::optional<double>> values_;
};

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
