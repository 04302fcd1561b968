#pragma once

#include "units/Quantity.h"

#include <string>

namespace spikestudio {

/// An expression of the model language that reads back as exactly `quantity`:
/// the SI value with 17 significant digits times the SI unit of its dimension
/// ("0.00050000000000000001*volt", "2.5*metre**-2*second"), or the bare number
/// when it is dimensionless. A sweep writes a variant's constant this way.
std::string exactQuantityText(const Quantity& quantity);

} // namespace spikestudio
