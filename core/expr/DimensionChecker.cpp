#include "expr/DimensionChecker.h"

#include "diagnostics/ModelError.h"
#include "expr/BuiltinFunction.h"
#include "expr/ConstantFolder.h"
#include "expr/ExprText.h"
#include "expr/ExprWalk.h"
#include "expr/Parser.h"

#include <unordered_map>

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

// Bottom up without recursion, each distinct node once. Problems a node can
// show before its operands are looked at (an unknown function, a wrong
// argument count) are reported first, and each operand of and/or is checked
// as soon as it is known, so messages come in the order of the text.
class Checker : public ExprVisitor {
public:
    explicit Checker(const Scope& scope) : scope_(scope), folder_(scope) {}

    ValueInfo check(const ExprPtr& e) {
        walkDepthFirst(e, *this);
        return infos_.at(e.get());
    }

    size_t enter(const ExprPtr& e) {
        if (e->kind == ExprKind::Call)
            checkCallee(*e);
        return e->operands.size();
    }

    void afterOperand(const ExprPtr& e, size_t k) {
        const ExprPtr& operand = e->operands[k];
        if (e->kind == ExprKind::Logical && !info(operand).isBoolean())
            failAt(*operand, "Expression ought to be boolean but is not: '" + toText(operand) +
                                 "' is used with 'and'/'or'");
        if (e->kind == ExprKind::Call && isTimedArrayCall(*e))
            checkTimedArrayArgument(*e, k);
    }

    void leave(const ExprPtr& e) { infos_[e.get()] = infoOf(e); }

private:
    const ValueInfo& info(const ExprPtr& e) const { return infos_.at(e.get()); }

    ValueInfo infoOf(const ExprPtr& e) {
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
            return {Dimension(), ValueType::Boolean};
        case ExprKind::Call:
            return call(*e);
        }
        failAt(*e, "unsupported expression");
    }

    ValueInfo name(const Expr& e) {
        if (const auto symbol = scope_.lookup(e.name)) {
            if (symbol->kind == SymbolKind::Function || symbol->kind == SymbolKind::Random)
                failAt(e,
                       "'" + e.name + "' was used like a variable/constant, but it is a function.");
            return {symbol->dim, symbol->type};
        }
        if (findBuiltinFunction(e.name))
            failAt(e, "'" + e.name + "' was used like a variable/constant, but it is a function.");
        failAt(e, "unknown identifier '" + e.name + "'");
    }

    ValueInfo unary(const Expr& e) {
        const ValueInfo& operand = info(e.operands[0]);
        if (e.unaryOp() == UnaryOp::Not)
            return {Dimension(), ValueType::Boolean};
        return {operand.dim,
                operand.type == ValueType::Boolean ? ValueType::Integer : operand.type};
    }

    ValueInfo binary(const ExprPtr& e) {
        const ValueInfo& left = info(e->operands[0]);
        const ValueInfo& right = info(e->operands[1]);
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
        const auto value = folder_.fold(e->operands[1]);
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
        const ValueInfo& left = info(e->operands[0]);
        const ValueInfo& right = info(e->operands[1]);
        if (left.dim != right.dim)
            failAt(*e, "DimensionMismatchError: Comparison of expressions with different units. "
                       "Expression '" +
                           toText(e->operands[0]) + "' has unit (" + displayUnit(left.dim) +
                           "), while expression '" + toText(e->operands[1]) + "' has units (" +
                           displayUnit(right.dim) + ").");
        return {Dimension(), ValueType::Boolean};
    }

    bool isTimedArrayCall(const Expr& e) const {
        if (findBuiltinFunction(e.name))
            return false;
        const auto symbol = scope_.lookup(e.name);
        return symbol && symbol->kind == SymbolKind::Function;
    }

    // What a call's name and argument count say, before its arguments are checked.
    void checkCallee(const Expr& e) {
        const BuiltinFunction* function = findBuiltinFunction(e.name);
        int arity = 0;
        if (function) {
            arity = function->arity;
        } else {
            const auto symbol = scope_.lookup(e.name);
            if (symbol && symbol->kind != SymbolKind::Function &&
                symbol->kind != SymbolKind::Random)
                failAt(e, "'" + e.name + "' is a variable, but it was used like a function.");
            if (!symbol)
                failAt(e, "unknown function '" + e.name + "'");
            arity = symbol->kind == SymbolKind::Random ? 0 : symbol->timed.arity();
        }
        if (static_cast<int>(e.operands.size()) != arity)
            failAt(e, "Function '" + e.name + "' was called with " +
                          std::to_string(e.operands.size()) + " parameters, needs " +
                          std::to_string(arity) + ".");
    }

    /// `name(t)` or `name(t, i)`: a time, then a dimensionless index.
    void checkTimedArrayArgument(const Expr& e, size_t k) {
        const ValueInfo& argument = info(e.operands[k]);
        if (k == 0 && argument.dim != Dimension::second())
            failAt(*e.operands[0], "DimensionMismatchError: argument 1 of TimedArray '" + e.name +
                                       "' must be a time, but has unit " +
                                       displayUnit(argument.dim));
        if (k == 1 && !argument.dim.isDimensionless())
            failAt(*e.operands[1], "DimensionMismatchError: argument 2 of TimedArray '" + e.name +
                                       "' (the index) must be dimensionless");
    }

    ValueInfo call(const Expr& e) {
        const BuiltinFunction* function = findBuiltinFunction(e.name);
        if (!function)
            return {scope_.lookup(e.name)->dim, ValueType::Float};
        std::vector<ValueInfo> arguments;
        for (const ExprPtr& operand : e.operands)
            arguments.push_back(info(operand));
        checkArguments(e, *function, arguments);
        return {returnDimension(*function, arguments),
                function->kind == ReturnKind::Integer ? ValueType::Integer : ValueType::Float};
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
    ConstantFolder folder_; // exponents, each shared node once
    std::unordered_map<const Expr*, ValueInfo> infos_;
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
