#pragma once

#include "model/CheckedModel.h"

#include <vector>

namespace spikestudio {

/// Checks the `index`-th PoissonInput of the model against the checked groups:
/// the target and its variable, a rate with rate*dt <= 1, a weight in the
/// variable's unit.
CheckedPoissonInput checkPoissonInput(const PoissonInputSpec& spec, size_t index,
                                      const std::vector<CheckedGroup>& groups,
                                      const Scope& constants);

} // namespace spikestudio
