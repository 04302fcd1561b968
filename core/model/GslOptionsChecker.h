#pragma once

#include "equations/EquationSet.h"
#include "equations/integrators/GslSettings.h"
#include "equations/integrators/StateUpdateMethod.h"
#include "model/Model.h"

namespace spikestudio {

/// Checks a group's `method_options` against its method and equations
/// (ModelError in field "method_options.<key>"). Options apply to the GSL
/// methods only; any other method must have none. For a GSL method the
/// result holds Brian2's defaults where an option is not given.
GslSettings checkGslOptions(const NamedExpressions& options, IntegrationMethod method,
                            const EquationSet& equations, const Scope& scope);

} // namespace spikestudio
