#pragma once

#include "units/Dimension.h"

#include <nlohmann/json.hpp>

namespace spikestudio {

/// A dimension as the JSON array of its base-unit exponents (metre,
/// kilogram, second, ...), as stored files (statistics, final state) write it.
nlohmann::ordered_json dimensionExponents(const Dimension& dim);

} // namespace spikestudio
