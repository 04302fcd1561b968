#pragma once

#include "expr/Expr.h"

#include <string>
#include <vector>

namespace spikestudio {

enum class AssignOp { Assign, Add, Subtract, Multiply, Divide, Modulo, Power };

/// One line of reset or synaptic code: `target op value`, e.g. `v = Vr`, `ge += w`.
struct Statement {
    std::string target;
    AssignOp op = AssignOp::Assign;
    ExprPtr value;
    TextPosition position;

    /// For `x op= e`, the equivalent plain right-hand side `x op e`.
    ExprPtr expandedValue() const;
};

const char* symbolOf(AssignOp op);

} // namespace spikestudio
