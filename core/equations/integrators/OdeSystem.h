#pragma once

#include "equations/AbstractCode.h"
#include "equations/EquationSet.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace spikestudio {

/// The differential equations of a group split for integration:
/// dx/dt = f(x, t) + sum_k g_k(x, t) * xi_k, one row per variable.
struct OdeSystem {
    std::vector<std::string> variables;
    std::vector<ExprPtr> drift;                        // f, subexpressions substituted
    std::vector<std::map<std::string, ExprPtr>> noise; // g per noise symbol (null = 0)
    std::vector<bool> unlessRefractory;
    std::vector<std::string> noiseSymbols;

    std::set<std::string> variableSet() const { return {variables.begin(), variables.end()}; }
    bool isStochastic() const { return !noiseSymbols.empty(); }
    /// True when some g depends on a state variable (multiplicative noise).
    bool hasMultiplicativeNoise() const;
};

/// Thrown inside the integrators when a method does not apply; the message is
/// the reason (Brian2's UnsupportedEquationsException).
struct UnsupportedEquations {
    std::string reason;
};

OdeSystem splitSystem(const EquationSet& equations);

/// Multiplies by int(not_refractory), as Brian2's add_refractoriness does.
ExprPtr gated(const ExprPtr& expr);
/// The expression `expr` gates when it is gated(x) (x), else null.
ExprPtr ungated(const ExprPtr& expr);

/// `expr` with state variables replaced per `state` and t by `time`.
ExprPtr evaluatedAt(const ExprPtr& expr, const std::map<std::string, ExprPtr>& state,
                    const ExprPtr& time);

AbstractCode integrateEuler(const OdeSystem& system);
AbstractCode integrateRK2(const OdeSystem& system);
AbstractCode integrateRK4(const OdeSystem& system);
AbstractCode integrateHeun(const OdeSystem& system);
AbstractCode integrateMilstein(const OdeSystem& system);
AbstractCode integrateExponentialEuler(const OdeSystem& system);
AbstractCode integrateExact(const OdeSystem& system, const Scope& scope);

/// The right-hand side a GSL solver calls: `_gsl_f<k> = f` for the k-th
/// variable of gslVariableOrder (Brian2's order: by name), gated by
/// refractoriness where the equation says `(unless refractory)`.
AbstractCode integrateGsl(const OdeSystem& system);
/// The rows of `system` in the order of the solver's state vector.
std::vector<size_t> gslVariableOrder(const OdeSystem& system);
/// "_gsl_f<component>": the temporary holding the component's derivative.
std::string gslDerivativeName(size_t component);

} // namespace spikestudio
