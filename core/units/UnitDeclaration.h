#pragma once

#include "units/Dimension.h"

namespace spikestudio {

enum class ValueType { Float, Boolean, Integer };

/// The unit part of an equation, after ':'.
struct UnitDeclaration {
    Dimension dim;
    ValueType type = ValueType::Float;
};

} // namespace spikestudio
