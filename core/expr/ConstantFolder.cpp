#include "expr/ConstantFolder.h"

#include "diagnostics/ModelError.h"
#include "expr/BuiltinFunction.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprText.h"
#include "expr/ExprWalk.h"
#include "expr/MathFunctions.h"

#include <cmath>
#include <unordered_map>

namespace spikestudio {

double applyUnary(UnaryOp op, double operand) {
    switch (op) {
    case UnaryOp::Minus:
        return -operand;
    case UnaryOp::Plus:
        return operand;
    case UnaryOp::Not:
        return operand == 0.0 ? 1.0 : 0.0;
    }
    return operand;
}

double applyBinary(BinaryOp op, double left, double right) {
    switch (op) {
    case BinaryOp::Add:
        return left + right;
    case BinaryOp::Subtract:
        return left - right;
    case BinaryOp::Multiply:
        return left * right;
    case BinaryOp::Divide:
        return left / right;
    case BinaryOp::FloorDivide:
        return spikestudio_floordiv(left, right);
    case BinaryOp::Modulo:
        return spikestudio_mod(left, right);
    case BinaryOp::Power:
        return std::pow(left, right);
    }
    return 0.0;
}

double applyCompare(CompareOp op, double left, double right) {
    switch (op) {
    case CompareOp::Less:
        return left < right;
    case CompareOp::LessEqual:
        return left <= right;
    case CompareOp::Greater:
        return left > right;
    case CompareOp::GreaterEqual:
        return left >= right;
    case CompareOp::Equal:
        return left == right;
    case CompareOp::NotEqual:
        return left != right;
    }
    return 0.0;
}

double applyBuiltin(std::string_view f, const double* a) {
    if (f == "sin")
        return std::sin(a[0]);
    if (f == "cos")
        return std::cos(a[0]);
    if (f == "tan")
        return std::tan(a[0]);
    if (f == "sinh")
        return std::sinh(a[0]);
    if (f == "cosh")
        return std::cosh(a[0]);
    if (f == "tanh")
        return std::tanh(a[0]);
    if (f == "arcsin")
        return std::asin(a[0]);
    if (f == "arccos")
        return std::acos(a[0]);
    if (f == "arctan")
        return std::atan(a[0]);
    if (f == "exp")
        return spikestudio_exp(a[0]);
    if (f == "log")
        return std::log(a[0]);
    if (f == "log10")
        return std::log10(a[0]);
    if (f == "expm1")
        return std::expm1(a[0]);
    if (f == "log1p")
        return std::log1p(a[0]);
    if (f == "exprel")
        return spikestudio_exprel(a[0]);
    if (f == "sqrt")
        return std::sqrt(a[0]);
    if (f == "abs")
        return std::fabs(a[0]);
    if (f == "ceil")
        return std::ceil(a[0]);
    if (f == "floor")
        return std::floor(a[0]);
    if (f == "sign")
        return spikestudio_sign(a[0]);
    if (f == "int")
        return spikestudio_int(a[0]);
    if (f == "clip")
        return spikestudio_clip(a[0], a[1], a[2]);
    if (f == "timestep")
        return spikestudio_timestep(a[0], a[1]);
    return std::nan("");
}

namespace {

// Bottom up, each distinct node once; nullopt marks a node that is not
// constant. Nodes folded by an earlier walk are not walked again.
struct FoldingWalk : ExprVisitor {
    ConstantFolder& folder;
    std::unordered_map<const Expr*, std::optional<double>>& values;

    size_t enter(const ExprPtr& node) {
        return values.count(node.get()) ? 0 : node->operands.size();
    }
    void leave(const ExprPtr& node) {
        if (!values.count(node.get()))
            values[node.get()] = folder.foldNode(*node);
    }
};

} // namespace

std::optional<double> ConstantFolder::fold(const ExprPtr& expr) {
    FoldingWalk walk{{}, *this, values_};
    walkDepthFirst(expr, walk);
    return values_.at(expr.get());
}

std::optional<double> ConstantFolder::operand(const Expr& node, size_t k) const {
    return values_.at(node.operands[k].get());
}

std::optional<double> ConstantFolder::foldNode(const Expr& e) const {
    switch (e.kind) {
    case ExprKind::Number:
        return e.number;
    case ExprKind::Boolean:
        return e.boolean ? 1.0 : 0.0;
    case ExprKind::Name: {
        const auto symbol = scope_.lookup(e.name);
        if (!symbol || symbol->kind != SymbolKind::Constant)
            return std::nullopt;
        return symbol->value;
    }
    case ExprKind::Unary: {
        const auto value = operand(e, 0);
        return value ? std::optional(applyUnary(e.unaryOp(), *value)) : std::nullopt;
    }
    case ExprKind::Binary:
    case ExprKind::Compare:
    case ExprKind::Logical:
        return foldPair(e);
    case ExprKind::Call:
        return foldCall(e);
    }
    return std::nullopt;
}

std::optional<double> ConstantFolder::foldPair(const Expr& e) const {
    const auto left = operand(e, 0);
    const auto right = operand(e, 1);
    if (!left || !right)
        return std::nullopt;
    if (e.kind == ExprKind::Binary)
        return applyBinary(e.binaryOp(), *left, *right);
    if (e.kind == ExprKind::Compare)
        return applyCompare(e.compareOp(), *left, *right);
    const bool both =
        e.logicalOp() == LogicalOp::And ? (*left != 0 && *right != 0) : (*left != 0 || *right != 0);
    return both ? 1.0 : 0.0;
}

std::optional<double> ConstantFolder::foldCall(const Expr& e) const {
    const BuiltinFunction* function = findBuiltinFunction(e.name);
    if (!function || function->isRandom || e.operands.size() > 3)
        return std::nullopt;
    double arguments[3] = {0, 0, 0};
    for (size_t k = 0; k < e.operands.size(); ++k) {
        const auto value = operand(e, k);
        if (!value)
            return std::nullopt;
        arguments[k] = *value;
    }
    return applyBuiltin(e.name, arguments);
}

std::optional<double> foldConstant(const ExprPtr& expr, const Scope& scope) {
    return ConstantFolder(scope).fold(expr);
}

Quantity evaluateQuantity(const ExprPtr& expr, const Scope& scope) {
    const ValueInfo info = checkDimensions(expr, scope);
    const auto value = foldConstant(expr, scope);
    if (!value)
        throw ModelError({"", "", expr->position.line, expr->position.column},
                         "'" + toText(expr) +
                             "' must be a constant quantity (numbers, units and constants only)");
    return Quantity{*value, info.dim};
}

} // namespace spikestudio
