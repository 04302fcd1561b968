#include "expr/DimensionChecker.h"

#include "diagnostics/ModelError.h"
#include "expr/BuiltinFunction.h"
#include "expr/ConstantFolder.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"

namespace spikestudio {

std::string displayUnit(const Dimension& dim) {
    return dim.isDimensionless() ? "1" : dim.unitSymbol();
}

namespace {

[[noreturn]] void failAt(const Expr& node, const std::string& message) {
    throw ModelError({"", "", node.position.line, node.position.column}, message);
}

ValueType arithmeticType(ValueType a, ValueType b) {
    const bool integral = a != ValueType::Float && b != ValueType::Float;
    return integral ? ValueType::Integer : ValueType::Float;
}

class Checker {
public:
    explicit Checker(const Scope& scope) : scope_(scope) {}

    ValueInfo check(const ExprPtr& e) {
        switch (e->kind) {
        case ExprKind::Number:
            return {Dimension(), e->isIntegerLiteral ? ValueType::Integer : ValueType::Float};
        case ExprKind::Boolean:
            return {Dimension(), ValueType::Boolean};
        case ExprKind::Name:
            return name(*e);
        case ExprKind::Unary:
            return unary(*e);
        case ExprKind::Binary:
            return binary(e);
        case ExprKind::Compare:
            return compare(e);
        case ExprKind::Logical:
            return logical(*e);
        case ExprKind::Call:
            return call(*e);
        }
        failAt(*e, "unsupported expression");
    }

private:
    ValueInfo name(const Expr& e) {
        if (const auto symbol = scope_.lookup(e.name)) {
            if (symbol->kind == SymbolKind::Function)
                failAt(e,
                       "'" + e.name + "' was used like a variable/constant, but it is a function.");
            return {symbol->dim, symbol->type};
        }
        if (findBuiltinFunction(e.name))
            failAt(e, "'" + e.name + "' was used like a variable/constant, but it is a function.");
        failAt(e, "unknown identifier '" + e.name + "'");
    }

    ValueInfo unary(const Expr& e) {
        const ValueInfo operand = check(e.operands[0]);
        if (e.unaryOp() == UnaryOp::Not)
            return {Dimension(), ValueType::Boolean};
        return {operand.dim,
                operand.type == ValueType::Boolean ? ValueType::Integer : operand.type};
    }

    ValueInfo binary(const ExprPtr& e) {
        const ValueInfo left = check(e->operands[0]);
        const ValueInfo right = check(e->operands[1]);
        switch (e->binaryOp()) {
        case BinaryOp::Add:
        case BinaryOp::Subtract:
        case BinaryOp::Modulo:
            requireSame(e, left.dim, right.dim);
            return {left.dim, arithmeticType(left.type, right.type)};
        case BinaryOp::Multiply:
            return {left.dim * right.dim, arithmeticType(left.type, right.type)};
        case BinaryOp::Divide:
            return {left.dim / right.dim, ValueType::Float};
        case BinaryOp::FloorDivide:
            if (!left.dim.isDimensionless() || !right.dim.isDimensionless())
                failAt(left.dim.isDimensionless() ? *e->operands[1] : *e->operands[0],
                       "Floor division can only be used on dimensionless values.");
            return {Dimension(), arithmeticType(left.type, right.type)};
        case BinaryOp::Power:
            return power(e, left, right);
        }
        failAt(*e, "unsupported operator");
    }

    ValueInfo power(const ExprPtr& e, const ValueInfo& base, const ValueInfo& exponent) {
        if (!exponent.dim.isDimensionless())
            failAt(*e->operands[1], "the exponent '" + toText(e->operands[1]) +
                                        "' must be dimensionless, but has unit " +
                                        displayUnit(exponent.dim));
        if (base.dim.isDimensionless())
            return {Dimension(), ValueType::Float};
        const auto value = foldConstant(e->operands[1], scope_);
        if (!value)
            failAt(*e->operands[1], "a quantity with units ('" + toText(e->operands[0]) +
                                        "') can only be raised to a constant power, not '" +
                                        toText(e->operands[1]) + "'");
        return {base.dim.power(*value), ValueType::Float};
    }

    void requireSame(const ExprPtr& e, const Dimension& left, const Dimension& right) {
        if (left == right)
            return;
        const std::string leftText = toText(e->operands[0]);
        const std::string rightText = toText(e->operands[1]);
        failAt(*e, "DimensionMismatchError: Expression '" + leftText + " " +
                       symbolOf(e->binaryOp()) + " " + rightText + "' uses inconsistent units ('" +
                       leftText + "' has unit " + displayUnit(left) + "; '" + rightText +
                       "' has unit " + displayUnit(right) + ").");
    }

    ValueInfo compare(const ExprPtr& e) {
        const ValueInfo left = check(e->operands[0]);
        const ValueInfo right = check(e->operands[1]);
        if (left.dim != right.dim)
            failAt(*e, "DimensionMismatchError: Comparison of expressions with different units. "
                       "Expression '" +
                           toText(e->operands[0]) + "' has unit (" + displayUnit(left.dim) +
                           "), while expression '" + toText(e->operands[1]) + "' has units (" +
                           displayUnit(right.dim) + ").");
        return {Dimension(), ValueType::Boolean};
    }

    ValueInfo logical(const Expr& e) {
        for (const ExprPtr& operand : e.operands)
            if (!check(operand).isBoolean())
                failAt(*operand, "Expression ought to be boolean but is not: '" + toText(operand) +
                                     "' is used with 'and'/'or'");
        return {Dimension(), ValueType::Boolean};
    }

    ValueInfo call(const Expr& e) {
        const BuiltinFunction* function = findBuiltinFunction(e.name);
        if (!function) {
            const auto symbol = scope_.lookup(e.name);
            if (symbol && symbol->kind == SymbolKind::Function)
                return timedArrayCall(e, *symbol);
            if (symbol)
                failAt(e, "'" + e.name + "' is a variable, but it was used like a function.");
            failAt(e, "unknown function '" + e.name + "'");
        }
        if (static_cast<int>(e.operands.size()) != function->arity)
            failAt(e, "Function '" + e.name + "' was called with " +
                          std::to_string(e.operands.size()) + " parameters, needs " +
                          std::to_string(function->arity) + ".");
        std::vector<ValueInfo> arguments;
        for (const ExprPtr& operand : e.operands)
            arguments.push_back(check(operand));
        checkArguments(e, *function, arguments);
        return {returnDimension(*function, arguments),
                function->kind == ReturnKind::Integer ? ValueType::Integer : ValueType::Float};
    }

    /// `name(t)` or `name(t, i)`: a time, then a dimensionless index.
    ValueInfo timedArrayCall(const Expr& e, const Symbol& symbol) {
        const int arity = symbol.timed.arity();
        if (static_cast<int>(e.operands.size()) != arity)
            failAt(e, "Function '" + e.name + "' was called with " +
                          std::to_string(e.operands.size()) + " parameters, needs " +
                          std::to_string(arity) + ".");
        const ValueInfo time = check(e.operands[0]);
        if (time.dim != Dimension::second())
            failAt(*e.operands[0], "DimensionMismatchError: argument 1 of TimedArray '" + e.name +
                                       "' must be a time, but has unit " + displayUnit(time.dim));
        if (arity == 2 && !check(e.operands[1]).dim.isDimensionless())
            failAt(*e.operands[1], "DimensionMismatchError: argument 2 of TimedArray '" + e.name +
                                       "' (the index) must be dimensionless");
        return {symbol.dim, ValueType::Float};
    }

    void checkArguments(const Expr& e, const BuiltinFunction& function,
                        const std::vector<ValueInfo>& arguments) {
        for (size_t k = 0; k < arguments.size(); ++k) {
            Dimension expected;
            switch (function.arguments) {
            case ArgumentRule::Any:
                continue;
            case ArgumentRule::Dimensionless:
                break;
            case ArgumentRule::Time:
                expected = Dimension::second();
                break;
            case ArgumentRule::MatchFirst:
                if (k == 0)
                    continue;
                expected = arguments[0].dim;
                break;
            }
            if (arguments[k].dim != expected)
                failAt(*e.operands[k], "DimensionMismatchError: Argument number " +
                                           std::to_string(k + 1) + " for function " + e.name +
                                           " does not have the correct units. Expression '" +
                                           toText(e.operands[k]) + "' has units (" +
                                           displayUnit(arguments[k].dim) + "), but should be (" +
                                           displayUnit(expected) + ").");
        }
    }

    static Dimension returnDimension(const BuiltinFunction& function,
                                     const std::vector<ValueInfo>& arguments) {
        switch (function.returns) {
        case ReturnRule::Dimensionless:
            return Dimension();
        case ReturnRule::SameAsFirst:
            return arguments[0].dim;
        case ReturnRule::SquareRoot:
            return arguments[0].dim.power(0.5);
        }
        return Dimension();
    }

    const Scope& scope_;
};

} // namespace

ValueInfo checkDimensions(const ExprPtr& expr, const Scope& scope) {
    return Checker(scope).check(expr);
}

void requireBoolean(const ExprPtr& expr, const Scope& scope, const std::string& what) {
    const ValueInfo info = checkDimensions(expr, scope);
    if (!info.isBoolean())
        failAt(*expr, what + " '" + toText(expr) +
                          "' must be a boolean expression (a comparison "
                          "such as 'v > Vt'), but it is not");
}

} // namespace spikestudio
