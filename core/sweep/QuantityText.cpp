#include "sweep/QuantityText.h"

#include "units/UnitRegistry.h"

#include <cstdio>

namespace spikestudio {
namespace {

const char* const kBaseUnitNames[Dimension::kBaseCount] = {"metre",  "kilogram", "second", "amp",
                                                           "kelvin", "mole",     "candela"};

std::string number(double value) {
    char text[40];
    std::snprintf(text, sizeof text, "%.17g", value);
    return text;
}

// "volt" when the registry names the dimension with a unit of value 1, else a
// product of SI base units with their exponents.
std::string siUnitText(const Dimension& dim) {
    const std::string named = UnitRegistry::instance().baseNameFor(dim);
    if (!named.empty())
        return named;
    std::string text;
    for (int k = 0; k < Dimension::kBaseCount; ++k) {
        const double exponent = dim.exponent(k);
        if (exponent == 0.0)
            continue;
        if (!text.empty())
            text += '*';
        text += kBaseUnitNames[k];
        if (exponent != 1.0)
            text += "**(" + number(exponent) + ")";
    }
    return text;
}

} // namespace

std::string exactQuantityText(const Quantity& quantity) {
    const std::string value = number(quantity.value);
    if (quantity.dim.isDimensionless())
        return value;
    return "(" + value + ")*" + siUnitText(quantity.dim);
}

} // namespace spikestudio
