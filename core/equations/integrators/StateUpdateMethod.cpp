#include "equations/integrators/StateUpdateMethod.h"

#include "diagnostics/ModelError.h"
#include "equations/integrators/OdeSystem.h"

namespace spikestudio {

namespace {
constexpr std::pair<const char*, IntegrationMethod> kMethods[] = {
    {"exact", IntegrationMethod::Exact},
    {"linear", IntegrationMethod::Exact},
    {"euler", IntegrationMethod::Euler},
    {"rk2", IntegrationMethod::RK2},
    {"rk4", IntegrationMethod::RK4},
    {"exponential_euler", IntegrationMethod::ExponentialEuler},
    {"heun", IntegrationMethod::Heun},
    {"milstein", IntegrationMethod::Milstein},
    {"gsl_rk2", IntegrationMethod::GslRk2},
    {"gsl_rk4", IntegrationMethod::GslRk4},
    {"gsl_rkf45", IntegrationMethod::GslRkf45},
    {"gsl", IntegrationMethod::GslRkf45},
    {"gsl_rkck", IntegrationMethod::GslRkck},
    {"gsl_rk8pd", IntegrationMethod::GslRk8pd},
};

AbstractCode apply(const OdeSystem& system, IntegrationMethod method, const Scope& scope) {
    switch (method) {
    case IntegrationMethod::Exact:
        return integrateExact(system, scope);
    case IntegrationMethod::Euler:
        return integrateEuler(system);
    case IntegrationMethod::RK2:
        return integrateRK2(system);
    case IntegrationMethod::RK4:
        return integrateRK4(system);
    case IntegrationMethod::ExponentialEuler:
        return integrateExponentialEuler(system);
    case IntegrationMethod::Heun:
        return integrateHeun(system);
    case IntegrationMethod::Milstein:
        return integrateMilstein(system);
    case IntegrationMethod::GslRk2:
    case IntegrationMethod::GslRk4:
    case IntegrationMethod::GslRkf45:
    case IntegrationMethod::GslRkck:
    case IntegrationMethod::GslRk8pd:
        return integrateGsl(system);
    }
    return {};
}

OdeSystem systemOf(const EquationSet& equations, IntegrationMethod method) {
    try {
        return splitSystem(equations);
    } catch (const UnsupportedEquations& unsupported) {
        throw ModelError({"", "method", 0, 0},
                         "method '" + nameOf(method) +
                             "' cannot integrate these equations: " + unsupported.reason);
    }
}
} // namespace

std::optional<IntegrationMethod> integrationMethodFromName(std::string_view name) {
    for (const auto& [text, method] : kMethods)
        if (name == text)
            return method;
    return std::nullopt;
}

std::string nameOf(IntegrationMethod method) {
    for (const auto& [text, candidate] : kMethods)
        if (candidate == method)
            return text;
    return "?";
}

std::string integrationMethodNames() {
    std::string names;
    for (const auto& [text, method] : kMethods)
        names += (names.empty() ? "" : ", ") + std::string(text);
    return names;
}

bool isGslMethod(IntegrationMethod method) {
    return method >= IntegrationMethod::GslRk2;
}

int gslStepperIndex(IntegrationMethod method) {
    return static_cast<int>(method) - static_cast<int>(IntegrationMethod::GslRk2);
}

AbstractCode integrate(const EquationSet& equations, IntegrationMethod method, const Scope& scope) {
    const OdeSystem system = systemOf(equations, method);
    try {
        return apply(system, method, scope);
    } catch (const UnsupportedEquations& unsupported) {
        throw ModelError({"", "method", 0, 0},
                         "method '" + nameOf(method) +
                             "' cannot integrate these equations: " + unsupported.reason);
    }
}

IntegrationMethod chooseIntegrationMethod(const EquationSet& equations, const Scope& scope) {
    const OdeSystem system = systemOf(equations, IntegrationMethod::Euler);
    for (IntegrationMethod method :
         {IntegrationMethod::Exact, IntegrationMethod::Euler, IntegrationMethod::Heun}) {
        try {
            apply(system, method, scope);
            return method;
        } catch (const UnsupportedEquations&) {
        }
    }
    return IntegrationMethod::Heun;
}

} // namespace spikestudio
