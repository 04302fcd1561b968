#include "model/CheckSupport.h"

#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "units/UnitRegistry.h"

#include <cmath>

namespace spikestudio {

std::optional<double> constantValue(const ExprPtr& expr, const Scope& scope) {
    try {
        return evaluateQuantity(expr, scope).value;
    } catch (const ModelError&) {
        return std::nullopt;
    }
}

double positiveTime(const std::string& text, const Scope& scope, const std::string& object,
                    const std::string& field, bool allowZero) {
    return within(object, field, [&] {
        const ExprPtr expr = parseExpression(text);
        const Quantity q = evaluateQuantity(expr, scope);
        if (q.dim != Dimension::second())
            throw ModelError({"", "", 1, 1}, "DimensionMismatchError: '" + text +
                                                 "' must be a time, but has unit " +
                                                 displayUnit(q.dim));
        if (!(q.value > 0.0 || (allowZero && q.value == 0.0)) || !std::isfinite(q.value))
            throw ModelError({"", "", 1, 1}, "'" + text + "' must be a " +
                                                 (allowZero ? "non-negative" : "positive") +
                                                 " finite time");
        return q.value;
    });
}

namespace {

/// Where an expression's text starts (an operator node sits at its operator).
TextPosition startOf(const ExprPtr& expr) {
    const Expr* node = expr.get();
    while (!node->operands.empty() && node->kind != ExprKind::Unary && node->kind != ExprKind::Call)
        node = node->operands.front().get();
    return node->position;
}

/// "volt" for a voltage (the name Brian2 wants after ':'), else the symbol.
std::string unitName(const Dimension& dim) {
    const std::string name = UnitRegistry::instance().baseNameFor(dim);
    return name.empty() ? displayUnit(dim) : name;
}

/// `x += e` and `x -= e` need `e` in the unit of `x`: said of `e`, where it stands.
void checkIncrement(const Statement& statement, const Symbol& target, const Scope& scope) {
    if (statement.op != AssignOp::Add && statement.op != AssignOp::Subtract)
        return;
    const ValueInfo increment = checkDimensions(statement.value, scope);
    if (increment.dim == target.dim)
        return;
    const TextPosition at = startOf(statement.value);
    const char* verb = statement.op == AssignOp::Add ? "added to" : "subtracted from";
    const std::string needs = target.dim.isDimensionless()
                                  ? "must be dimensionless"
                                  : "needs a unit of " + unitName(target.dim);
    throw ModelError({"", "", at.line, at.column},
                     "DimensionMismatchError: '" + toText(statement.value) + "' " + verb + " '" +
                         statement.target + "' " + needs + " (like '" + statement.target +
                         "'), but has unit " + displayUnit(increment.dim));
}

} // namespace

void checkAssignedValue(const Statement& statement, const ExprPtr& value, const Symbol& target,
                        const Scope& scope) {
    if (target.type == ValueType::Boolean) {
        requireBoolean(value, scope, "The value assigned to '" + statement.target + "'");
        return;
    }
    checkIncrement(statement, target, scope);
    const ValueInfo info = checkDimensions(value, scope);
    if (info.dim != target.dim)
        throw ModelError({"", "", statement.value->position.line, statement.value->position.column},
                         "DimensionMismatchError: the expression '" + toText(statement.value) +
                             "' assigned to '" + statement.target + "' has unit " +
                             displayUnit(info.dim) + ", but '" + statement.target + "' has unit " +
                             displayUnit(target.dim));
}

} // namespace spikestudio
