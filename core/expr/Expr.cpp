#include "expr/Expr.h"

namespace spikestudio {

// The default destructor would free a chain of N operands N calls deep. Here
// a node about to die hands its operands to a list first, so each node dies
// without any operand left to free.
Expr::~Expr() {
    std::vector<ExprPtr> dying = std::move(operands);
    while (!dying.empty()) {
        ExprPtr node = std::move(dying.back());
        dying.pop_back();
        if (node.use_count() != 1)
            continue; // someone else still holds it
        auto& orphans = const_cast<Expr&>(*node).operands;
        for (ExprPtr& orphan : orphans)
            dying.push_back(std::move(orphan));
        orphans.clear();
    }
}

namespace {
std::shared_ptr<Expr> makeNode(ExprKind kind, TextPosition at) {
    auto node = std::make_shared<Expr>();
    node->kind = kind;
    node->position = at;
    return node;
}

ExprPtr makeOperation(ExprKind kind, int op, std::vector<ExprPtr> operands, TextPosition at) {
    auto node = makeNode(kind, at);
    node->op = op;
    node->operands = std::move(operands);
    return node;
}
} // namespace

ExprPtr makeNumber(double value, bool isInteger, TextPosition at) {
    auto node = makeNode(ExprKind::Number, at);
    node->number = value;
    node->isIntegerLiteral = isInteger;
    return node;
}

ExprPtr makeBoolean(bool value, TextPosition at) {
    auto node = makeNode(ExprKind::Boolean, at);
    node->boolean = value;
    return node;
}

ExprPtr makeName(std::string name, TextPosition at) {
    auto node = makeNode(ExprKind::Name, at);
    node->name = std::move(name);
    return node;
}

ExprPtr makeUnary(UnaryOp op, ExprPtr operand, TextPosition at) {
    return makeOperation(ExprKind::Unary, static_cast<int>(op), {std::move(operand)}, at);
}

ExprPtr makeBinary(BinaryOp op, ExprPtr left, ExprPtr right, TextPosition at) {
    return makeOperation(ExprKind::Binary, static_cast<int>(op),
                         {std::move(left), std::move(right)}, at);
}

ExprPtr makeCompare(CompareOp op, ExprPtr left, ExprPtr right, TextPosition at) {
    return makeOperation(ExprKind::Compare, static_cast<int>(op),
                         {std::move(left), std::move(right)}, at);
}

ExprPtr makeLogical(LogicalOp op, ExprPtr left, ExprPtr right, TextPosition at) {
    return makeOperation(ExprKind::Logical, static_cast<int>(op),
                         {std::move(left), std::move(right)}, at);
}

ExprPtr makeCall(std::string function, std::vector<ExprPtr> arguments, TextPosition at) {
    auto node = makeNode(ExprKind::Call, at);
    node->name = std::move(function);
    node->operands = std::move(arguments);
    return node;
}

ExprPtr operator+(ExprPtr a, ExprPtr b) {
    return makeBinary(BinaryOp::Add, a, b);
}
ExprPtr operator-(ExprPtr a, ExprPtr b) {
    return makeBinary(BinaryOp::Subtract, a, b);
}
ExprPtr operator*(ExprPtr a, ExprPtr b) {
    return makeBinary(BinaryOp::Multiply, a, b);
}
ExprPtr operator/(ExprPtr a, ExprPtr b) {
    return makeBinary(BinaryOp::Divide, a, b);
}
ExprPtr operator-(ExprPtr a) {
    return makeUnary(UnaryOp::Minus, a);
}

const char* symbolOf(UnaryOp op) {
    switch (op) {
    case UnaryOp::Minus:
        return "-";
    case UnaryOp::Plus:
        return "+";
    case UnaryOp::Not:
        return "not ";
    }
    return "?";
}

const char* symbolOf(BinaryOp op) {
    switch (op) {
    case BinaryOp::Add:
        return "+";
    case BinaryOp::Subtract:
        return "-";
    case BinaryOp::Multiply:
        return "*";
    case BinaryOp::Divide:
        return "/";
    case BinaryOp::FloorDivide:
        return "//";
    case BinaryOp::Modulo:
        return "%";
    case BinaryOp::Power:
        return "**";
    }
    return "?";
}

const char* symbolOf(CompareOp op) {
    switch (op) {
    case CompareOp::Less:
        return "<";
    case CompareOp::LessEqual:
        return "<=";
    case CompareOp::Greater:
        return ">";
    case CompareOp::GreaterEqual:
        return ">=";
    case CompareOp::Equal:
        return "==";
    case CompareOp::NotEqual:
        return "!=";
    }
    return "?";
}

const char* symbolOf(LogicalOp op) {
    return op == LogicalOp::And ? "and" : "or";
}

} // namespace spikestudio
