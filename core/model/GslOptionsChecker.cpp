#include "model/GslOptionsChecker.h"

#include "equations/integrators/OdeSystem.h"
#include "expr/ConstantFolder.h"
#include "expr/DimensionChecker.h"
#include "expr/ExprText.h"
#include "expr/Parser.h"
#include "model/CheckSupport.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

namespace {

constexpr long long kMostSteps = 1'000'000'000;
const char* const kOptionNames = "absolute_error, absolute_error[VARIABLE], max_steps, "
                                 "adaptable_timestep, use_last_timestep, save_step_count, "
                                 "save_failed_steps";

[[noreturn]] void refuse(const std::string& message) {
    throw ModelError({"", "", 1, 1}, message);
}

Quantity valueOf(const std::string& text, const Scope& scope) {
    return evaluateQuantity(parseExpression(text), scope);
}

double positiveNumber(const std::string& text, const Scope& scope, const Dimension& dim,
                      const std::string& what) {
    const Quantity q = valueOf(text, scope);
    if (q.dim != dim)
        refuse("DimensionMismatchError: '" + text + "' must have the unit of " + what +
               ", but has unit " + displayUnit(q.dim));
    if (!(q.value > 0.0) || !std::isfinite(q.value))
        refuse("'" + text + "' must be a positive finite number");
    return q.value;
}

bool flag(const std::string& text) {
    const ExprPtr expr = parseExpression(text);
    if (expr->kind != ExprKind::Boolean)
        refuse("expected True or False, got '" + text + "'");
    return expr->boolean;
}

long long stepLimit(const std::string& text, const Scope& scope) {
    const Quantity q = valueOf(text, scope);
    if (!q.dim.isDimensionless() || q.value != std::floor(q.value) || q.value < 1 ||
        q.value > double(kMostSteps))
        refuse("max_steps must be a whole number from 1 to " + std::to_string(kMostSteps) +
               ", got '" + text + "'");
    return static_cast<long long>(q.value);
}

/// "absolute_error[v]" -> "v"; "" for any other key.
std::string perVariableTarget(const std::string& key) {
    const std::string prefix = "absolute_error[";
    if (!key.starts_with(prefix) || !key.ends_with("]"))
        return {};
    return key.substr(prefix.size(), key.size() - prefix.size() - 1);
}

/// The integrated variables in the order of the solver's state vector.
std::vector<std::string> integratedVariables(const EquationSet& equations) {
    const OdeSystem system = splitSystem(equations);
    std::vector<std::string> names;
    for (size_t row : gslVariableOrder(system))
        names.push_back(system.variables[row]);
    return names;
}

void applyOption(GslSettings& settings, const std::string& key, const std::string& text,
                 const Scope& scope, std::vector<double>& perVariable) {
    if (key == "absolute_error") {
        const double error = positiveNumber(text, scope, Dimension::dimensionless(),
                                            "a number (the error in SI units)");
        for (double& entry : settings.absoluteErrors)
            entry = error;
        return;
    }
    if (key == "max_steps")
        settings.maxSteps = stepLimit(text, scope);
    else if (key == "adaptable_timestep")
        settings.adaptableTimestep = flag(text);
    else if (key == "use_last_timestep")
        settings.useLastTimestep = flag(text);
    else if (key == "save_step_count")
        settings.saveStepCount = flag(text);
    else if (key == "save_failed_steps")
        settings.saveFailedSteps = flag(text);
    else if (const std::string variable = perVariableTarget(key); !variable.empty()) {
        const auto at = std::find(settings.variables.begin(), settings.variables.end(), variable);
        const auto symbol = scope.lookup(variable);
        if (at == settings.variables.end())
            refuse(symbol ? "'" + variable + "' is not integrated by the method"
                          : "there is no variable '" + variable + "'");
        perVariable[at - settings.variables.begin()] =
            positiveNumber(text, scope, symbol->dim, "'" + variable + "'");
    } else {
        refuse("unknown method option '" + key + "' (" + kOptionNames + ")");
    }
}

} // namespace

GslSettings checkGslOptions(const NamedExpressions& options, IntegrationMethod method,
                            const EquationSet& equations, const Scope& scope) {
    if (!isGslMethod(method)) {
        if (!options.empty())
            throw ModelError({"", "method_options", 0, 0},
                             "only the GSL methods take options; method '" + nameOf(method) +
                                 "' takes none");
        return {};
    }
    GslSettings settings;
    settings.variables = integratedVariables(equations);
    settings.absoluteErrors.assign(settings.variables.size(), 1e-6); // Brian2's default
    // A variable's own error wins over absolute_error whatever their order.
    std::vector<double> perVariable(settings.variables.size(), 0.0);
    // Named references, not a structured binding: clang 14 (the fuzz build)
    // cannot capture bindings in a lambda.
    for (const auto& option : options)
        within("", "method_options." + option.first, [&] {
            applyOption(settings, option.first, option.second, scope, perVariable);
            return 0;
        });
    for (size_t k = 0; k < perVariable.size(); ++k)
        if (perVariable[k] > 0.0)
            settings.absoluteErrors[k] = perVariable[k];
    return settings;
}

} // namespace spikestudio
