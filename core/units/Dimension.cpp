#include "units/Dimension.h"

#include <cmath>
#include <sstream>
#include <vector>

namespace spikestudio {

namespace {
constexpr const char* kBaseSymbols[Dimension::kBaseCount] = {"m", "kg", "s", "A", "K", "mol", "cd"};

std::string formatExponent(double exponent) {
    std::ostringstream out;
    out << exponent;
    return out.str();
}

Dimension fromExponents(std::initializer_list<double> exponents) {
    Dimension result;
    int index = 0;
    for (double exponent : exponents)
        result = result * Dimension::base(index++, exponent);
    return result;
}
} // namespace

Dimension Dimension::base(int index, double exponent) {
    Dimension d;
    d.exponents_[static_cast<size_t>(index)] = exponent;
    return d;
}

Dimension Dimension::volt() {
    return fromExponents({2, 1, -3, -1});
}
Dimension Dimension::siemens() {
    return fromExponents({-2, -1, 3, 2});
}
Dimension Dimension::farad() {
    return fromExponents({-2, -1, 4, 2});
}

bool Dimension::isDimensionless() const {
    return *this == Dimension();
}

Dimension Dimension::operator*(const Dimension& other) const {
    Dimension result;
    for (size_t k = 0; k < kBaseCount; ++k)
        result.exponents_[k] = exponents_[k] + other.exponents_[k];
    return result;
}

Dimension Dimension::operator/(const Dimension& other) const {
    Dimension result;
    for (size_t k = 0; k < kBaseCount; ++k)
        result.exponents_[k] = exponents_[k] - other.exponents_[k];
    return result;
}

Dimension Dimension::power(double exponent) const {
    Dimension result;
    for (size_t k = 0; k < kBaseCount; ++k)
        result.exponents_[k] = exponents_[k] * exponent;
    return result;
}

bool Dimension::operator==(const Dimension& other) const {
    for (size_t k = 0; k < kBaseCount; ++k)
        if (std::fabs(exponents_[k] - other.exponents_[k]) > 1e-9)
            return false;
    return true;
}

std::string Dimension::toString() const {
    std::string text;
    for (size_t k = 0; k < kBaseCount; ++k) {
        if (std::fabs(exponents_[k]) < 1e-9)
            continue;
        if (!text.empty())
            text += " ";
        text += kBaseSymbols[k];
        if (std::fabs(exponents_[k] - 1.0) > 1e-9)
            text += "^" + formatExponent(exponents_[k]);
    }
    return text.empty() ? "1" : text;
}

std::string Dimension::unitSymbol() const {
    if (isDimensionless())
        return "";
    // Brian2's get_unit looks the dimension up among its standard units.
    struct Named {
        const char* symbol;
        Dimension dim;
    };
    static const std::vector<Named> kNamed = {
        {"m", metre()},
        {"kg", kilogram()},
        {"s", second()},
        {"A", amp()},
        {"K", kelvin()},
        {"mol", mole()},
        {"cd", candela()},
        {"Hz", hertz()},
        {"N", fromExponents({1, 1, -2})},
        {"Pa", fromExponents({-1, 1, -2})},
        {"J", fromExponents({2, 1, -2})},
        {"W", fromExponents({2, 1, -3})},
        {"C", fromExponents({0, 0, 1, 1})},
        {"V", volt()},
        {"F", farad()},
        {"ohm", fromExponents({2, 1, -3, -2})},
        {"S", siemens()},
        {"Wb", fromExponents({2, 1, -2, -1})},
        {"T", fromExponents({0, 1, -2, -1})},
        {"H", fromExponents({2, 1, -2, -2})},
        {"kat", fromExponents({0, 0, -1, 0, 0, 1})},
        {"m^2", metre().power(2)},
        {"m^3", metre().power(3)},
        {"mM", fromExponents({-3, 0, 0, 0, 0, 1})},
    };
    for (const Named& named : kNamed)
        if (named.dim == *this)
            return named.symbol;
    // Rates of named units print as Brian2 prints them, e.g. "V/s".
    for (const Named& named : kNamed)
        if (named.dim / second() == *this)
            return std::string(named.symbol) + "/s";
    return toString();
}

} // namespace spikestudio
