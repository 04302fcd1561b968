#include "expr/ExprText.h"

#include <charconv>
#include <cmath>
#include <string_view>
#include <vector>

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

/// Writes a tree left to right from a stack of things still to write, so
/// that no expression is too deep for it; stops at the length limit.
class Renderer {
public:
    explicit Renderer(size_t maxLength) : maxLength_(maxLength) {}

    std::string run(const ExprPtr& root) {
        pending_.push_back({root.get(), {}});
        while (!pending_.empty()) {
            if (text_.size() > maxLength_) {
                text_.resize(maxLength_);
                return text_ + "...";
            }
            const Piece piece = pending_.back();
            pending_.pop_back();
            if (piece.node)
                render(*piece.node);
            else
                text_ += piece.literal;
        }
        return text_;
    }

private:
    struct Piece {
        const Expr* node;         // to render, or null for
        std::string_view literal; // fixed text
    };

    // Pieces go on the stack last first.
    void later(std::string_view literal) { pending_.push_back({nullptr, literal}); }
    void later(const Expr& node) { pending_.push_back({&node, {}}); }

    void laterOperand(const Expr& operand, int parentPrecedence, bool tightSide) {
        const int own = precedence(operand);
        const bool needsBrackets = own < parentPrecedence || (own == parentPrecedence && tightSide);
        if (needsBrackets)
            later(")");
        later(operand);
        if (needsBrackets)
            later("(");
    }

    void laterPair(const Expr& e, std::string_view symbol) {
        const int own = precedence(e);
        // '**' is right-associative; every other operator groups to the left.
        const bool rightAssociative = e.kind == ExprKind::Binary && e.binaryOp() == BinaryOp::Power;
        laterOperand(*e.operands[1], own, !rightAssociative);
        later(" ");
        later(symbol);
        later(" ");
        laterOperand(*e.operands[0], own, rightAssociative);
    }

    void render(const Expr& e) {
        switch (e.kind) {
        case ExprKind::Number:
            text_ += renderNumber(e);
            return;
        case ExprKind::Boolean:
            text_ += e.boolean ? "True" : "False";
            return;
        case ExprKind::Name:
            text_ += e.name;
            return;
        case ExprKind::Unary:
            text_ += symbolOf(e.unaryOp());
            laterOperand(*e.operands[0], precedence(e), false);
            return;
        case ExprKind::Binary:
            return laterPair(e, symbolOf(e.binaryOp()));
        case ExprKind::Compare:
            return laterPair(e, symbolOf(e.compareOp()));
        case ExprKind::Logical:
            return laterPair(e, symbolOf(e.logicalOp()));
        case ExprKind::Call:
            text_ += e.name;
            text_ += "(";
            later(")");
            for (size_t k = e.operands.size(); k-- > 0;) {
                later(*e.operands[k]);
                if (k > 0)
                    later(", ");
            }
            return;
        }
        text_ += "?";
    }

    size_t maxLength_;
    std::string text_;
    std::vector<Piece> pending_;
};

} // namespace

std::string toText(const ExprPtr& expr, size_t maxLength) {
    return Renderer(maxLength).run(expr);
}

std::string toText(const Statement& statement) {
    return statement.target + " " + symbolOf(statement.op) + " " + toText(statement.value);
}

} // namespace spikestudio
