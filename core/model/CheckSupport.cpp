#include "model/CheckSupport.h"

#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"

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

void checkAssignedValue(const Statement& statement, const ExprPtr& value, const Symbol& target,
                        const Scope& scope) {
    if (target.type == ValueType::Boolean) {
        requireBoolean(value, scope, "The value assigned to '" + statement.target + "'");
        return;
    }
    const ValueInfo info = checkDimensions(value, scope);
    if (info.dim != target.dim)
        throw ModelError({"", "", statement.value->position.line, statement.value->position.column},
                         "DimensionMismatchError: the expression '" + toText(statement.value) +
                             "' assigned to '" + statement.target + "' has unit " +
                             displayUnit(info.dim) + ", but '" + statement.target + "' has unit " +
                             displayUnit(target.dim));
}

} // namespace spikestudio
