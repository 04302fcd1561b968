#include "codegen/ArithmeticRegrouping.h"

#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"

#include <algorithm>
#include <limits>

namespace spikestudio {

namespace {

bool isMultiplicative(BinaryOp op) {
    return op == BinaryOp::Multiply || op == BinaryOp::Divide;
}

bool isAdditive(BinaryOp op) {
    return op == BinaryOp::Add || op == BinaryOp::Subtract;
}

bool inFamily(const ExprPtr& expr, bool multiplicative) {
    return expr->kind == ExprKind::Binary &&
           (multiplicative ? isMultiplicative(expr->binaryOp()) : isAdditive(expr->binaryOp()));
}

/// The terms of one chain: primary (multiplied, added) and inverted
/// (divided by, subtracted).
struct Terms {
    std::vector<ExprPtr> primary;
    std::vector<ExprPtr> inverted;
};

std::string textOf(const ExprPtr& expr) {
    return toText(expr, std::numeric_limits<size_t>::max());
}

/// x*y/x -> y, a+b-a -> b: terms written alike on both sides go (none that draws).
void cancelAlike(std::vector<ExprPtr>& primary, std::vector<ExprPtr>& inverted) {
    std::vector<ExprPtr> kept;
    for (const ExprPtr& term : primary) {
        const auto twin = std::find_if(inverted.begin(), inverted.end(), [&](const ExprPtr& other) {
            return textOf(other) == textOf(term);
        });
        if (twin != inverted.end() && !drawsRandomNumbers(term))
            inverted.erase(twin);
        else
            kept.push_back(term);
    }
    primary = std::move(kept);
}

/// (a op b) op c, left to right; null for no terms.
ExprPtr reduced(const std::vector<ExprPtr>& terms, BinaryOp op) {
    ExprPtr result;
    for (const ExprPtr& term : terms)
        if (term)
            result = result ? makeBinary(op, result, term) : term;
    return result;
}

} // namespace

// Brian2's dtypes: integer literals, integer variables, i, N and int() are
// integers; +, -, *, //, % of integers stay integers; / gives a float.
bool ArithmeticRegrouping::isInteger(const ExprPtr& expr) const {
    switch (expr->kind) {
    case ExprKind::Number:
        return expr->isIntegerLiteral;
    case ExprKind::Name: {
        if (expr->name == "i" || expr->name == "j" || expr->name == "N")
            return true;
        const auto symbol = scope_.lookup(expr->name);
        return symbol && symbol->type == ValueType::Integer;
    }
    case ExprKind::Call:
        return expr->name == "int";
    case ExprKind::Unary:
        return expr->unaryOp() != UnaryOp::Not && isInteger(expr->operands[0]);
    case ExprKind::Binary:
        return expr->binaryOp() != BinaryOp::Divide && isInteger(expr->operands[0]) &&
               isInteger(expr->operands[1]);
    default:
        return false;
    }
}

bool ArithmeticRegrouping::isFloat(const ExprPtr& expr) const {
    const bool boolean = expr->kind == ExprKind::Boolean || expr->kind == ExprKind::Compare ||
                         expr->kind == ExprKind::Logical ||
                         (expr->kind == ExprKind::Unary && expr->unaryOp() == UnaryOp::Not);
    return !boolean && !isInteger(expr);
}

ExprPtr ArithmeticRegrouping::regroup(const ExprPtr& expr) const {
    if (expr->kind == ExprKind::Binary && isFloat(expr) &&
        (isMultiplicative(expr->binaryOp()) || isAdditive(expr->binaryOp())))
        return withRegroupedOperands(collect(expr));
    return withRegroupedOperands(expr);
}

ExprPtr ArithmeticRegrouping::withRegroupedOperands(const ExprPtr& expr) const {
    if (expr->operands.empty())
        return expr;
    auto copy = std::make_shared<Expr>(*expr);
    for (ExprPtr& operand : copy->operands)
        operand = regroup(operand);
    return copy;
}

ExprPtr ArithmeticRegrouping::collect(const ExprPtr& expr) const {
    const bool multiplicative = isMultiplicative(expr->binaryOp());
    const BinaryOp primaryOp = multiplicative ? BinaryOp::Multiply : BinaryOp::Add;
    const BinaryOp invertedOp = multiplicative ? BinaryOp::Divide : BinaryOp::Subtract;
    const double identity = multiplicative ? 1.0 : 0.0;

    // Flattens the chain; an integer product is a term of its own (C's
    // integer division does not regroup), a sum may always be entered.
    Terms terms;
    const auto flatten = [&](const auto& self, const ExprPtr& node, bool inverted) -> void {
        const auto enter = [&](const ExprPtr& operand, bool operandInverted) {
            const bool exact = isFloat(operand) || inFamily(operand, false);
            if (inFamily(operand, multiplicative) && exact)
                self(self, operand, operandInverted);
            else
                (operandInverted ? terms.inverted : terms.primary).push_back(operand);
        };
        const bool primary = node->binaryOp() == primaryOp;
        enter(node->operands[0], inverted);
        enter(node->operands[1], primary ? inverted : !inverted);
    };
    flatten(flatten, expr, false);

    // Numbers first, multiplied (or added) out in the order written.
    double number = identity;
    Terms rest;
    for (const ExprPtr& term : terms.primary) {
        if (term->kind == ExprKind::Number)
            number = multiplicative ? number * term->number : number + term->number;
        else
            rest.primary.push_back(term);
    }
    for (const ExprPtr& term : terms.inverted) {
        if (term->kind == ExprKind::Number)
            number = multiplicative ? number / term->number : number - term->number;
        else
            rest.inverted.push_back(term);
    }
    ExprPtr node = number != identity ? makeNumber(number) : nullptr;
    for (bool scalar : {true, false}) {
        Terms part;
        for (const ExprPtr& term : rest.primary)
            if (isScalar_(term) == scalar)
                part.primary.push_back(term);
        for (const ExprPtr& term : rest.inverted)
            if (isScalar_(term) == scalar)
                part.inverted.push_back(term);
        cancelAlike(part.primary, part.inverted);
        node = reduced({node, reduced(part.primary, primaryOp)}, primaryOp);
        if (const ExprPtr divisor = reduced(part.inverted, primaryOp))
            node = makeBinary(invertedOp, node ? node : makeNumber(identity), divisor);
    }
    return node ? node : makeNumber(identity);
}

} // namespace spikestudio
