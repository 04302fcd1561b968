#pragma once

#include "equations/AbstractCode.h"
#include "equations/EquationSet.h"
#include "expr/Scope.h"

#include <optional>
#include <string>
#include <string_view>

namespace spikestudio {

enum class IntegrationMethod {
    Exact,
    Euler,
    RK2,
    RK4,
    ExponentialEuler,
    Heun,
    Milstein,
    // The GNU Scientific Library's ODE steppers with step-size control (Brian2's gsl_*).
    GslRk2,
    GslRk4,
    GslRkf45,
    GslRkck,
    GslRk8pd,
};

/// "exact" or "linear" -> Exact, "euler", "rk2", "rk4", "exponential_euler", "heun",
/// "milstein", "gsl_rk2", "gsl_rk4", "gsl_rkf45" (or "gsl"), "gsl_rkck", "gsl_rk8pd".
std::optional<IntegrationMethod> integrationMethodFromName(std::string_view name);
std::string nameOf(IntegrationMethod method);
/// Every method name a model may give, for messages ("exact, linear, ...").
std::string integrationMethodNames();

/// True for the GSL methods: their "state update" is the right-hand side a
/// GSL solver calls (the `_gsl_f<k>` of integrateGsl), not update code.
bool isGslMethod(IntegrationMethod method);
/// A GSL method's stepper by number: 0 rk2, 1 rk4, 2 rkf45, 3 rkck, 4 rk8pd
/// (as engine/GslSolver.h takes it).
int gslStepperIndex(IntegrationMethod method);

/// The state update for the differential equations of `equations` with `method`,
/// as abstract code, or throws ModelError(field "method") explaining why the
/// method cannot integrate these equations (Brian2's UnsupportedEquationsException).
/// `scope` is the group's variable scope (EquationSet::variableScope).
AbstractCode integrate(const EquationSet& equations, IntegrationMethod method, const Scope& scope);

/// Brian2's choice when no method is given: the first of exact, euler, heun that applies.
IntegrationMethod chooseIntegrationMethod(const EquationSet& equations, const Scope& scope);

} // namespace spikestudio
