#pragma once

#include "units/Quantity.h"

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace spikestudio {

/// Every unit name Brian2 accepts in expressions, with its value in SI base
/// units: SI base and derived units (both spellings where Brian2 has two),
/// gram, litre and molar, each with every prefix from y to Y, the power
/// suffixes 2 and 3 (mvolt2, cmetre3), and Brian2's short names (mV, nS, um2...).
class UnitRegistry {
public:
    static const UnitRegistry& instance();

    std::optional<Quantity> lookup(std::string_view name) const;
    bool contains(std::string_view name) const { return lookup(name).has_value(); }
    std::vector<std::string> names() const; // sorted

    /// The unprefixed name Brian2 wants after ':' for a dimension ("volt"), or "".
    std::string baseNameFor(const Dimension& dim) const;

private:
    UnitRegistry();
    void add(const std::string& name, double value, const Dimension& dim);
    void addWithPrefixesAndPowers(const std::string& name, double value, const Dimension& dim);

    std::unordered_map<std::string, Quantity> units_;
};

} // namespace spikestudio
