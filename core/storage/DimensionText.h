#pragma once

#include "units/Dimension.h"

#include <string>

namespace spikestudio {

/// A Dimension as the exponents of the seven SI base units (metre, kilogram,
/// second, ampere, kelvin, mole, candela), e.g. "[2,1,-3,-1,0,0,0]" for volt;
/// exponents print with enough digits to read back exactly.
class DimensionText {
public:
    static std::string format(const Dimension& dimension);
    /// Throws StorageError for text that is not seven numbers in brackets.
    static Dimension parse(const std::string& text);
};

} // namespace spikestudio
