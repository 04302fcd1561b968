// Brian2's GSL state updaters (stateupdaters/GSL.py): the equations are not
// turned into update code; their right-hand sides become the function an
// ODE solver of the GNU Scientific Library calls, with its own step-size
// control. The abstract code here is that function's body.
#include "equations/integrators/OdeSystem.h"
#include "expr/ExprRewrite.h"

#include <algorithm>
#include <numeric>

namespace spikestudio {

std::vector<size_t> gslVariableOrder(const OdeSystem& system) {
    std::vector<size_t> order(system.variables.size());
    std::iota(order.begin(), order.end(), 0);
    // Brian2's Equations.ordered: differential equations by name.
    std::sort(order.begin(), order.end(),
              [&](size_t a, size_t b) { return system.variables[a] < system.variables[b]; });
    return order;
}

std::string gslDerivativeName(size_t component) {
    return "_gsl_f" + std::to_string(component);
}

AbstractCode integrateGsl(const OdeSystem& system) {
    if (system.isStochastic())
        throw UnsupportedEquations{"the GSL methods integrate deterministic equations only"};
    AbstractCode code;
    const std::vector<size_t> order = gslVariableOrder(system);
    for (size_t k = 0; k < order.size(); ++k) {
        const size_t row = order[k];
        if (drawsRandomNumbers(system.drift[row]))
            throw UnsupportedEquations{"the equation of '" + system.variables[row] +
                                       "' draws random numbers, which a GSL method cannot "
                                       "integrate with its own step sizes"};
        const ExprPtr drift =
            system.unlessRefractory[row] ? gated(system.drift[row]) : system.drift[row];
        code.push_back(Assignment{gslDerivativeName(k), drift});
    }
    return code;
}

} // namespace spikestudio
