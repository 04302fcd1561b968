#include "equations/integrators/LinearForm.h"

#include "expr/ExprRewrite.h"

namespace spikestudio {

namespace {

bool isNumber(const ExprPtr& e, double value) {
    return e && e->kind == ExprKind::Number && e->number == value;
}

bool mentions(const ExprPtr& expr, const std::set<std::string>& variables) {
    for (const std::string& name : collectNames(expr))
        if (variables.count(name))
            return true;
    return false;
}

LinearForm scaled(LinearForm form, const ExprPtr& factor, bool divide) {
    auto apply = [&](const ExprPtr& term) -> ExprPtr {
        if (!term)
            return nullptr;
        return divide ? makeBinary(BinaryOp::Divide, term, factor) : multiplyTerms(factor, term);
    };
    for (auto& [name, coefficient] : form.coefficients)
        coefficient = apply(coefficient);
    form.constant = apply(form.constant);
    return form;
}

LinearForm combined(LinearForm a, const LinearForm& b, bool subtract) {
    for (const auto& [name, coefficient] : b.coefficients)
        a.coefficients[name] =
            addTerms(a.coefficient(name), subtract ? negateTerm(coefficient) : coefficient);
    a.constant = addTerms(a.constant, subtract ? negateTerm(b.constant) : b.constant);
    return a;
}

} // namespace

ExprPtr addTerms(const ExprPtr& a, const ExprPtr& b) {
    if (!a || isNumber(a, 0.0))
        return b;
    if (!b || isNumber(b, 0.0))
        return a;
    return a + b;
}

ExprPtr multiplyTerms(const ExprPtr& a, const ExprPtr& b) {
    if (!a || !b || isNumber(a, 0.0) || isNumber(b, 0.0))
        return nullptr;
    if (isNumber(a, 1.0))
        return b;
    if (isNumber(b, 1.0))
        return a;
    return a * b;
}

ExprPtr negateTerm(const ExprPtr& a) {
    return a ? makeUnary(UnaryOp::Minus, a) : nullptr;
}

std::optional<LinearForm> linearForm(const ExprPtr& expr, const std::set<std::string>& variables) {
    if (!mentions(expr, variables))
        return LinearForm{{}, expr};
    switch (expr->kind) {
    case ExprKind::Name:
        return LinearForm{{{expr->name, makeNumber(1.0, true)}}, nullptr};
    case ExprKind::Unary: {
        auto inner = linearForm(expr->operands[0], variables);
        if (!inner || expr->unaryOp() == UnaryOp::Not)
            return std::nullopt;
        return expr->unaryOp() == UnaryOp::Minus ? scaled(*inner, makeNumber(-1.0, true), false)
                                                 : *inner;
    }
    case ExprKind::Binary: {
        const ExprPtr& left = expr->operands[0];
        const ExprPtr& right = expr->operands[1];
        switch (expr->binaryOp()) {
        case BinaryOp::Add:
        case BinaryOp::Subtract: {
            auto a = linearForm(left, variables);
            auto b = linearForm(right, variables);
            if (!a || !b)
                return std::nullopt;
            return combined(*a, *b, expr->binaryOp() == BinaryOp::Subtract);
        }
        case BinaryOp::Multiply: {
            if (!mentions(left, variables)) {
                auto b = linearForm(right, variables);
                return b ? std::optional(scaled(*b, left, false)) : std::nullopt;
            }
            if (!mentions(right, variables)) {
                auto a = linearForm(left, variables);
                return a ? std::optional(scaled(*a, right, false)) : std::nullopt;
            }
            return std::nullopt;
        }
        case BinaryOp::Divide: {
            if (mentions(right, variables))
                return std::nullopt;
            auto a = linearForm(left, variables);
            return a ? std::optional(scaled(*a, right, true)) : std::nullopt;
        }
        default:
            return std::nullopt;
        }
    }
    default:
        return std::nullopt;
    }
}

} // namespace spikestudio
