#pragma once

#include <array>
#include <string>

namespace spikestudio {

/// A physical dimension as exponents of the seven SI base units. Exponents
/// are doubles because sqrt() halves them, as in Brian2.
class Dimension {
public:
    static constexpr int kBaseCount = 7; // metre, kilogram, second, amp, kelvin, mole, candela

    Dimension() = default; // dimensionless
    static Dimension base(int index, double exponent = 1.0);
    static Dimension dimensionless() { return Dimension(); }

    double exponent(int index) const { return exponents_[static_cast<size_t>(index)]; }
    bool isDimensionless() const;

    Dimension operator*(const Dimension& other) const;
    Dimension operator/(const Dimension& other) const;
    Dimension power(double exponent) const;
    bool operator==(const Dimension& other) const; // exponents equal within 1e-9
    bool operator!=(const Dimension& other) const { return !(*this == other); }

    /// Base-unit form, as Brian2 prints dimensions: "m^2 kg s^-3 A^-1", or "1".
    std::string toString() const;
    /// The unit Brian2's get_unit prints: "V", "A", "S", "Hz", "m^2", "V/s"...;
    /// "" when dimensionless. Falls back to the base-unit form.
    std::string unitSymbol() const;

    static Dimension metre() { return base(0); }
    static Dimension kilogram() { return base(1); }
    static Dimension second() { return base(2); }
    static Dimension amp() { return base(3); }
    static Dimension kelvin() { return base(4); }
    static Dimension mole() { return base(5); }
    static Dimension candela() { return base(6); }
    static Dimension hertz() { return base(2, -1); }
    static Dimension volt();
    static Dimension siemens();
    static Dimension farad();

private:
    std::array<double, kBaseCount> exponents_{};
};

} // namespace spikestudio
