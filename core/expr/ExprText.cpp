#include "expr/ExprText.h"

#include <charconv>
#include <cmath>

namespace spikestudio {

std::string formatNumber(double value) {
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";
    if (std::isnan(value))
        return "nan";
    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

namespace {

// Binding strength, higher binds tighter (Python's table).
int precedence(const Expr& e) {
    switch (e.kind) {
    case ExprKind::Logical:
        return e.logicalOp() == LogicalOp::Or ? 1 : 2;
    case ExprKind::Unary:
        return e.unaryOp() == UnaryOp::Not ? 3 : 7;
    case ExprKind::Compare:
        return 4;
    case ExprKind::Binary:
        switch (e.binaryOp()) {
        case BinaryOp::Add:
        case BinaryOp::Subtract:
            return 5;
        case BinaryOp::Power:
            return 8;
        default:
            return 6;
        }
    case ExprKind::Number:
        return e.number < 0 ? 7 : 9;
    default:
        return 9;
    }
}

std::string render(const ExprPtr& e);

/// Integer literals as all their digits, other numbers with a '.' or an
/// exponent: `3` and `3.0` are different expressions (int and float in Brian2).
std::string renderNumber(const Expr& e) {
    if (e.isIntegerLiteral) {
        char digits[400]; // a double's integral value has at most 309 digits
        const auto result =
            std::to_chars(digits, digits + sizeof digits, e.number, std::chars_format::fixed);
        return std::string(digits, result.ptr);
    }
    std::string text = formatNumber(e.number);
    if (text.find_first_of(".en") == std::string::npos) // not 1.5, 1e+20, inf or nan
        text += ".0";
    return text;
}

std::string renderOperand(const ExprPtr& operand, int parentPrecedence, bool tightSide) {
    const int own = precedence(*operand);
    const bool needsBrackets = own < parentPrecedence || (own == parentPrecedence && tightSide);
    const std::string text = render(operand);
    return needsBrackets ? "(" + text + ")" : text;
}

std::string renderBinary(const ExprPtr& e, const char* symbol) {
    const int own = precedence(*e);
    // '**' is right-associative; every other operator groups to the left.
    const bool rightAssociative = e->kind == ExprKind::Binary && e->binaryOp() == BinaryOp::Power;
    return renderOperand(e->operands[0], own, rightAssociative) + " " + symbol + " " +
           renderOperand(e->operands[1], own, !rightAssociative);
}

std::string render(const ExprPtr& e) {
    switch (e->kind) {
    case ExprKind::Number:
        return renderNumber(*e);
    case ExprKind::Boolean:
        return e->boolean ? "True" : "False";
    case ExprKind::Name:
        return e->name;
    case ExprKind::Unary:
        return symbolOf(e->unaryOp()) + renderOperand(e->operands[0], precedence(*e), false);
    case ExprKind::Binary:
        return renderBinary(e, symbolOf(e->binaryOp()));
    case ExprKind::Compare:
        return renderBinary(e, symbolOf(e->compareOp()));
    case ExprKind::Logical:
        return renderBinary(e, symbolOf(e->logicalOp()));
    case ExprKind::Call: {
        std::string text = e->name + "(";
        for (size_t k = 0; k < e->operands.size(); ++k)
            text += (k ? ", " : "") + render(e->operands[k]);
        return text + ")";
    }
    }
    return "?";
}

} // namespace

std::string toText(const ExprPtr& expr) {
    return render(expr);
}

std::string toText(const Statement& statement) {
    return statement.target + " " + symbolOf(statement.op) + " " + render(statement.value);
}

} // namespace spikestudio
