#pragma once

#include "equations/AbstractCode.h"
#include "equations/EquationSet.h"
#include "expr/Scope.h"

#include <optional>
#include <string>
#include <string_view>

namespace spikestudio {

enum class IntegrationMethod { Exact, Euler, RK2, RK4, ExponentialEuler, Heun, Milstein };

/// "exact" or "linear" -> Exact, "euler", "rk2", "rk4", "exponential_euler", "heun", "milstein".
std::optional<IntegrationMethod> integrationMethodFromName(std::string_view name);
std::string nameOf(IntegrationMethod method);

/// The state update for the differential equations of `equations` with `method`,
/// as abstract code, or throws ModelError(field "method") explaining why the
/// method cannot integrate these equations (Brian2's UnsupportedEquationsException).
/// `scope` is the group's variable scope (EquationSet::variableScope).
AbstractCode integrate(const EquationSet& equations, IntegrationMethod method, const Scope& scope);

/// Brian2's choice when no method is given: the first of exact, euler, heun that applies.
IntegrationMethod chooseIntegrationMethod(const EquationSet& equations, const Scope& scope);

} // namespace spikestudio
