#pragma once

#include "diagnostics/ModelError.h"
#include "diagnostics/OutOfMemory.h"
#include "expr/Scope.h"
#include "expr/Statement.h"

#include <optional>
#include <string>

namespace spikestudio {

/// Runs `body`, and files any ModelError it throws under `object`/`field`;
/// running out of memory becomes a ModelError there too.
template <typename Body>
auto within(const std::string& object, const std::string& field, Body body) {
    try {
        return allocatingFor(object, field, "checking this field", body);
    } catch (const ModelError& error) {
        throw error.locatedIn(object, field);
    }
}

/// The value of `expr` if it is a constant number (SI units), else nothing.
std::optional<double> constantValue(const ExprPtr& expr, const Scope& scope);

/// Evaluates `text` as a time in seconds: positive (or zero when allowed) and finite.
double positiveTime(const std::string& text, const Scope& scope, const std::string& object,
                    const std::string& field, bool allowZero);

/// The unit checks of `target = value`: a boolean target needs a boolean value,
/// any other target a value of its dimension. `value` has subexpressions substituted.
void checkAssignedValue(const Statement& statement, const ExprPtr& value, const Symbol& target,
                        const Scope& scope);

} // namespace spikestudio
