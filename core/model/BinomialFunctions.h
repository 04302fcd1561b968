#pragma once

#include "expr/Scope.h"
#include "model/BinomialFunctionSpec.h"
#include "model/CheckedModel.h"

#include <vector>

namespace spikestudio {

/// Checks the model's BinomialFunctions (names, n, p) and defines each in
/// `constants` as a function that draws, so that code and equations can call it.
std::vector<CheckedBinomialFunction>
checkBinomialFunctions(const std::vector<BinomialFunctionSpec>& specs, Scope& constants);

} // namespace spikestudio
