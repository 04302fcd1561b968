#pragma once

#include "units/Dimension.h"

namespace spikestudio {

/// A value in SI base units with its dimension ("20*ms" -> {0.02, second}).
struct Quantity {
    double value = 0.0;
    Dimension dim;
};

} // namespace spikestudio
