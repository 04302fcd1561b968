#include "plots/AxisUnit.h"

#include <QStringList>
#include <algorithm>
#include <array>
#include <cmath>

namespace spikestudio {

namespace {

struct Prefix {
    int exponent;
    const char* symbol;
};

constexpr std::array<Prefix, 9> kPrefixes = {{{-15, "f"},
                                              {-12, "p"},
                                              {-9, "n"},
                                              {-6, "µ"},
                                              {-3, "m"},
                                              {0, ""},
                                              {3, "k"},
                                              {6, "M"},
                                              {9, "G"}}};

/// Units that take a prefix as they are; "V/s" takes it on the volt.
const QStringList kPrefixable = {"m", "s", "A", "mol", "Hz", "N",  "Pa", "J", "W",
                                 "C", "V", "F", "ohm", "S",  "Wb", "T",  "H"};

QString symbolOf(const QString& unit) {
    return unit == "ohm" ? QStringLiteral("Ω") : unit;
}

/// The exponent a dimension starts with before any data: mV, nA, nS.
int usualExponent(const QString& unit) {
    if (unit == "V" || unit == "s")
        return -3;
    if (unit == "A" || unit == "S" || unit == "F")
        return -9;
    return 0;
}

int exponentFor(double largest) {
    const int exponent = 3 * int(std::floor((std::log10(largest) + 1e-9) / 3.0));
    return std::clamp(exponent, kPrefixes.front().exponent, kPrefixes.back().exponent);
}

const char* prefixOf(int exponent) {
    for (const Prefix& prefix : kPrefixes)
        if (prefix.exponent == exponent)
            return prefix.symbol;
    return "";
}

} // namespace

AxisUnit AxisUnit::forData(const Dimension& dim, double largest) {
    const QString symbol = QString::fromStdString(dim.unitSymbol());
    if (symbol.isEmpty())
        return {};
    const QString base = symbol.endsWith("/s") ? symbol.chopped(2) : symbol;
    if (!kPrefixable.contains(base))
        return {1.0, symbol};
    const int exponent =
        std::isfinite(largest) && largest > 0.0 ? exponentFor(largest) : usualExponent(base);
    const QString rest = symbol.endsWith("/s") ? QStringLiteral("/s") : QString();
    return {std::pow(10.0, -exponent), prefixOf(exponent) + symbolOf(base) + rest};
}

QString AxisUnit::axisLabel(const QString& name) const {
    return label.isEmpty() ? name : name + " [" + label + "]";
}

} // namespace spikestudio
