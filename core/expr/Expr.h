#pragma once

#include <memory>
#include <string>
#include <vector>

namespace spikestudio {

struct Expr;
/// Expression trees are immutable and share subtrees freely (substitution,
/// integrator rewriting), hence shared pointers to const nodes.
using ExprPtr = std::shared_ptr<const Expr>;

enum class ExprKind { Number, Boolean, Name, Unary, Binary, Compare, Logical, Call };

enum class UnaryOp { Minus, Plus, Not };
enum class BinaryOp { Add, Subtract, Multiply, Divide, FloorDivide, Modulo, Power };
enum class CompareOp { Less, LessEqual, Greater, GreaterEqual, Equal, NotEqual };
enum class LogicalOp { And, Or };

/// 1-based position of a node's first character in the text it was parsed from.
struct TextPosition {
    int line = 0;
    int column = 0;
};

/// One node of Brian2's expression language. Only the fields that belong to
/// the node's kind are meaningful; build nodes through the factory functions.
struct Expr {
    Expr() = default;
    Expr(const Expr&) = default;
    Expr& operator=(const Expr&) = default;
    ~Expr(); // frees long chains of operands without recursion

    ExprKind kind = ExprKind::Number;
    double number = 0.0;           // Number
    bool isIntegerLiteral = false; // Number written without '.', 'e' (Brian2 treats 3 as int)
    bool boolean = false;          // Boolean
    std::string name;              // Name, or the function of a Call
    int op = 0;                    // UnaryOp / BinaryOp / CompareOp / LogicalOp, by kind
    std::vector<ExprPtr> operands; // children in source order (call arguments for Call)
    TextPosition position;

    UnaryOp unaryOp() const { return static_cast<UnaryOp>(op); }
    BinaryOp binaryOp() const { return static_cast<BinaryOp>(op); }
    CompareOp compareOp() const { return static_cast<CompareOp>(op); }
    LogicalOp logicalOp() const { return static_cast<LogicalOp>(op); }
};

ExprPtr makeNumber(double value, bool isInteger = false, TextPosition at = {});
ExprPtr makeBoolean(bool value, TextPosition at = {});
ExprPtr makeName(std::string name, TextPosition at = {});
ExprPtr makeUnary(UnaryOp op, ExprPtr operand, TextPosition at = {});
ExprPtr makeBinary(BinaryOp op, ExprPtr left, ExprPtr right, TextPosition at = {});
ExprPtr makeCompare(CompareOp op, ExprPtr left, ExprPtr right, TextPosition at = {});
ExprPtr makeLogical(LogicalOp op, ExprPtr left, ExprPtr right, TextPosition at = {});
ExprPtr makeCall(std::string function, std::vector<ExprPtr> arguments, TextPosition at = {});

// Shorthands for building integrator code.
ExprPtr operator+(ExprPtr a, ExprPtr b);
ExprPtr operator-(ExprPtr a, ExprPtr b);
ExprPtr operator*(ExprPtr a, ExprPtr b);
ExprPtr operator/(ExprPtr a, ExprPtr b);
ExprPtr operator-(ExprPtr a);

const char* symbolOf(UnaryOp op);
const char* symbolOf(BinaryOp op);
const char* symbolOf(CompareOp op);
const char* symbolOf(LogicalOp op);

} // namespace spikestudio
