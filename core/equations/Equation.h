#pragma once

#include "expr/Expr.h"
#include "units/UnitDeclaration.h"

#include <set>
#include <string>

namespace spikestudio {

enum class EquationKind {
    Differential,  // dv/dt = expr : unit (flags)
    Subexpression, // I = expr : unit (flags)
    Parameter,     // tau : second (flags)
};

/// One line (or multi-line entry) of a Brian2 equations string.
struct Equation {
    EquationKind kind = EquationKind::Parameter;
    std::string name;
    ExprPtr expr; // null for parameters
    UnitDeclaration unit;
    std::set<std::string> flags;
    TextPosition position;  // of the variable name
    bool generated = false; // made by Spike Studio (a `_`-name no user may write)

    bool hasFlag(const std::string& flag) const { return flags.count(flag) > 0; }
    bool isBoolean() const { return unit.type == ValueType::Boolean; }
};

} // namespace spikestudio
