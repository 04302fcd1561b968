#include "expr/UnitDeclarationParser.h"

#include "diagnostics/ModelError.h"
#include "expr/ExprWalk.h"
#include "expr/Parser.h"
#include "units/UnitRegistry.h"

#include <cctype>
#include <unordered_map>

namespace spikestudio {

namespace {

[[noreturn]] void failAt(const Expr& node, const std::string& message) {
    throw ModelError({"", "", node.position.line, node.position.column}, message);
}

std::string trimmed(std::string_view text) {
    size_t begin = 0, end = text.size();
    while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])))
        ++begin;
    while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])))
        --end;
    return std::string(text.substr(begin, end - begin));
}

Dimension unitName(const Expr& node) {
    const UnitRegistry& units = UnitRegistry::instance();
    const auto unit = units.lookup(node.name);
    if (!unit)
        failAt(node, "unknown unit '" + node.name + "'");
    const char last = node.name.back();
    if ((last == '2' || last == '3') && units.contains(node.name.substr(0, node.name.size() - 1)))
        failAt(node, "'" + node.name + "' is not allowed in a unit declaration, use '" +
                         node.name.substr(0, node.name.size() - 1) + " ** " + last + "' instead");
    if (unit->value != 1.0) {
        const std::string base = units.baseNameFor(unit->dim);
        failAt(node, "'" + node.name +
                         "' is not a base unit; units after ':' are written in "
                         "base units" +
                         (base.empty() ? std::string() : ", use '" + base + "' instead"));
    }
    return unit->dim;
}

double exponentValue(const ExprPtr& e) {
    if (e->kind == ExprKind::Number)
        return e->number;
    if (e->kind == ExprKind::Unary && e->unaryOp() != UnaryOp::Not)
        return (e->unaryOp() == UnaryOp::Minus ? -1.0 : 1.0) * exponentValue(e->operands[0]);
    failAt(*e, "the exponent of a unit must be a number");
}

bool combinesUnits(const Expr& e) {
    if (e.kind != ExprKind::Binary)
        return false;
    const BinaryOp op = e.binaryOp();
    return op == BinaryOp::Multiply || op == BinaryOp::Divide || op == BinaryOp::Power;
}

// Bottom up without recursion (a declaration can be a long product). A
// power's exponent is read as a number, not walked.
struct UnitWalk : ExprVisitor {
    std::unordered_map<const Expr*, Dimension> dims;

    size_t enter(const ExprPtr& e) {
        if (e->kind == ExprKind::Number && e->number != 1.0)
            failAt(*e, "a unit declaration may only contain the number 1");
        if (e->kind == ExprKind::Name || e->kind == ExprKind::Number)
            return 0;
        if (!combinesUnits(*e))
            failAt(*e, "a unit declaration combines units with '*', '/' and '**' only");
        return e->binaryOp() == BinaryOp::Power ? 1 : 2;
    }

    void leave(const ExprPtr& e) {
        if (e->kind == ExprKind::Name) {
            dims[e.get()] = unitName(*e);
            return;
        }
        if (e->kind == ExprKind::Number) {
            dims[e.get()] = Dimension();
            return;
        }
        const Dimension& left = dims.at(e->operands[0].get());
        switch (e->binaryOp()) {
        case BinaryOp::Multiply:
            dims[e.get()] = left * dims.at(e->operands[1].get());
            return;
        case BinaryOp::Divide:
            dims[e.get()] = left / dims.at(e->operands[1].get());
            return;
        default:
            dims[e.get()] = left.power(exponentValue(e->operands[1]));
        }
    }
};

Dimension dimensionOf(const ExprPtr& e) {
    UnitWalk walk;
    walkDepthFirst(e, walk);
    return walk.dims.at(e.get());
}

} // namespace

UnitDeclaration parseUnitDeclaration(std::string_view text) {
    const std::string unit = trimmed(text);
    if (unit == "boolean")
        return {Dimension(), ValueType::Boolean};
    if (unit == "integer")
        return {Dimension(), ValueType::Integer};
    // The text is parsed as an expression of the language (so positions stay
    // right), then read as a product of base units.
    return {dimensionOf(parseExpression(text)), ValueType::Float};
}

} // namespace spikestudio
