#include "codegen/CEmitter.h"

#include "expr/BuiltinFunction.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"

#include <cmath>
#include <optional>
#include <stdexcept>

namespace spikestudio {

std::string cLiteral(double value) {
    if (std::isnan(value))
        return "(0.0/0.0)";
    if (std::isinf(value))
        return value > 0 ? "(1.0/0.0)" : "(-1.0/0.0)";
    std::string text = formatNumber(value);
    if (text.find_first_of(".e") == std::string::npos)
        text += ".0";
    return "(" + text + ")";
}

namespace {

// C name of each built-in; rand/randn/poisson take the generator.
std::string cFunction(const std::string& name) {
    static const std::pair<const char*, const char*> kRenamed[] = {
        {"arcsin", "asin"},
        {"arccos", "acos"},
        {"arctan", "atan"},
        {"abs", "fabs"},
        {"exprel", "spikestudio_exprel"},
        {"sign", "spikestudio_sign"},
        {"clip", "spikestudio_clip"},
        {"timestep", "spikestudio_timestep"},
        {"int", "spikestudio_int"},
        {"rand", "spikestudio_rand"},
        {"randn", "spikestudio_randn"},
        {"poisson", "spikestudio_poisson"},
    };
    for (const auto& [from, to] : kRenamed)
        if (name == from)
            return to;
    if (!findBuiltinFunction(name))
        throw std::logic_error("code generation met an unknown function");
    return name; // sin, cos, exp, log, sqrt, ... have the same name in C
}

class Emitter {
public:
    Emitter(const CNameMapper& names, const CFunctionMapper& functions)
        : names_(names), functions_(functions) {}

    std::string emit(const ExprPtr& e) {
        switch (e->kind) {
        case ExprKind::Number:
            return cLiteral(e->number);
        case ExprKind::Boolean:
            return e->boolean ? "1.0" : "0.0";
        case ExprKind::Name:
            return names_(e->name);
        case ExprKind::Unary:
            return unary(*e);
        case ExprKind::Binary:
            return binary(*e);
        case ExprKind::Compare:
            return "((double)(" + emit(e->operands[0]) + " " + symbolOf(e->compareOp()) + " " +
                   emit(e->operands[1]) + "))";
        case ExprKind::Logical:
            return logical(*e);
        case ExprKind::Call:
            return call(*e);
        }
        throw std::logic_error("code generation met an unknown expression");
    }

private:
    std::string unary(const Expr& e) {
        const std::string operand = emit(e.operands[0]);
        switch (e.unaryOp()) {
        case UnaryOp::Minus:
            return "(-" + operand + ")";
        case UnaryOp::Plus:
            return operand;
        case UnaryOp::Not:
            return "((double)(" + operand + " == 0.0))";
        }
        return operand;
    }

    std::string binary(const Expr& e) {
        const std::string a = emit(e.operands[0]);
        switch (e.binaryOp()) {
        case BinaryOp::Add:
            return "(" + a + " + " + emit(e.operands[1]) + ")";
        case BinaryOp::Subtract:
            return "(" + a + " - " + emit(e.operands[1]) + ")";
        case BinaryOp::Multiply:
            return "(" + a + " * " + emit(e.operands[1]) + ")";
        case BinaryOp::Divide:
            return "(" + a + " / " + emit(e.operands[1]) + ")";
        case BinaryOp::FloorDivide:
            return "spikestudio_floordiv(" + a + ", " + emit(e.operands[1]) + ")";
        case BinaryOp::Modulo:
            return "spikestudio_mod(" + a + ", " + emit(e.operands[1]) + ")";
        case BinaryOp::Power:
            return power(e, a);
        }
        throw std::logic_error("code generation met an unknown operator");
    }

    // Small integer powers of a plain name are multiplied out: pow() is far
    // slower. Only names, so that the base is neither evaluated twice nor
    // duplicated into an exponentially long text.
    std::string power(const Expr& e, const std::string& base) {
        const ExprPtr& exponent = e.operands[1];
        if (exponent->kind == ExprKind::Number && e.operands[0]->kind == ExprKind::Name) {
            if (exponent->number == 2.0)
                return "(" + base + " * " + base + ")";
            if (exponent->number == 3.0)
                return "(" + base + " * " + base + " * " + base + ")";
            if (exponent->number == 0.5)
                return "sqrt(" + base + ")";
        }
        return "pow(" + base + ", " + emit(exponent) + ")";
    }

    // `and`/`or` evaluate both sides without a branch (& and | on 0/1), as
    // the value is the same; short-circuit only when the right side draws
    // random numbers, whose stream must advance exactly as in Brian2.
    std::string logical(const Expr& e) {
        const bool isAnd = e.logicalOp() == LogicalOp::And;
        const char* op =
            drawsRandomNumbers(e.operands[1]) ? (isAnd ? "&&" : "||") : (isAnd ? "&" : "|");
        return "((double)((" + emit(e.operands[0]) + " != 0.0) " + op + " (" + emit(e.operands[1]) +
               " != 0.0)))";
    }

    // timestep(t, dt) written out when dt is a plain name or number (as it
    // always is in generated code): libtcc does not inline the prelude's
    // function, and a call per element costs more than the arithmetic. The
    // same arithmetic as spikestudio_timestep in templates/prelude.c.
    std::optional<std::string> inlineTimestep(const Expr& e) {
        if (e.name != "timestep" || e.operands.size() != 2 || !e.operands[1]->operands.empty())
            return std::nullopt;
        const std::string dt = emit(e.operands[1]);
        return "({ const double _timestep_q = (" + emit(e.operands[0]) + " + (0.001) * " + dt +
               ") / " + dt +
               "; _timestep_q > -9.2e18 && _timestep_q < 9.2e18 ? (double)(int64_t)_timestep_q "
               ": _timestep_q; })";
    }

    std::string call(const Expr& e) {
        if (!findBuiltinFunction(e.name))
            return userCall(e);
        if (const auto inlined = inlineTimestep(e))
            return *inlined;
        const std::string function = cFunction(e.name);
        const BuiltinFunction* builtin = findBuiltinFunction(e.name);
        std::string text = function + "(";
        bool first = true;
        if (builtin && builtin->isRandom) {
            text += "_context->rng";
            first = false;
        }
        for (const ExprPtr& operand : e.operands) {
            text += (first ? "" : ", ") + emit(operand);
            first = false;
        }
        return text + ")";
    }

    std::string userCall(const Expr& e) {
        if (!functions_)
            throw std::logic_error("code generation met an unknown function");
        std::string text = functions_(e.name);
        for (const ExprPtr& operand : e.operands)
            text += ", " + emit(operand);
        return text + ")";
    }

    const CNameMapper& names_;
    const CFunctionMapper& functions_;
};

} // namespace

std::string emitC(const ExprPtr& expr, const CNameMapper& names, const CFunctionMapper& functions) {
    return Emitter(names, functions).emit(expr);
}

} // namespace spikestudio
