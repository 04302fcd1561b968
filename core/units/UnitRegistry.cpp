#include "units/UnitRegistry.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

namespace {

struct Prefix {
    const char* name;
    double scale;
};

constexpr Prefix kPrefixes[] = {
    {"y", 1e-24}, {"z", 1e-21}, {"a", 1e-18}, {"f", 1e-15}, {"p", 1e-12}, {"n", 1e-9}, {"u", 1e-6},
    {"m", 1e-3},  {"c", 1e-2},  {"d", 1e-1},  {"da", 1e1},  {"h", 1e2},   {"k", 1e3},  {"M", 1e6},
    {"G", 1e9},   {"T", 1e12},  {"P", 1e15},  {"E", 1e18},  {"Z", 1e21},  {"Y", 1e24},
};

Dimension dims(double m, double kg, double s, double a = 0, double k = 0, double mol = 0,
               double cd = 0) {
    return Dimension::base(0, m) * Dimension::base(1, kg) * Dimension::base(2, s) *
           Dimension::base(3, a) * Dimension::base(4, k) * Dimension::base(5, mol) *
           Dimension::base(6, cd);
}

struct NamedUnit {
    const char* name;
    double value;
    Dimension dim;
};

// Brian2's allunits: base units first, so baseNameFor prefers them.
std::vector<NamedUnit> standardUnits() {
    return {
        {"metre", 1, dims(1, 0, 0)},
        {"meter", 1, dims(1, 0, 0)},
        {"gram", 1e-3, dims(0, 1, 0)},
        {"second", 1, dims(0, 0, 1)},
        {"amp", 1, dims(0, 0, 0, 1)},
        {"ampere", 1, dims(0, 0, 0, 1)},
        {"kelvin", 1, dims(0, 0, 0, 0, 1)},
        {"mole", 1, dims(0, 0, 0, 0, 0, 1)},
        {"mol", 1, dims(0, 0, 0, 0, 0, 1)},
        {"candela", 1, dims(0, 0, 0, 0, 0, 0, 1)},
        {"radian", 1, dims(0, 0, 0)},
        {"steradian", 1, dims(0, 0, 0)},
        {"hertz", 1, dims(0, 0, -1)},
        {"newton", 1, dims(1, 1, -2)},
        {"pascal", 1, dims(-1, 1, -2)},
        {"joule", 1, dims(2, 1, -2)},
        {"watt", 1, dims(2, 1, -3)},
        {"coulomb", 1, dims(0, 0, 1, 1)},
        {"volt", 1, dims(2, 1, -3, -1)},
        {"farad", 1, dims(-2, -1, 4, 2)},
        {"ohm", 1, dims(2, 1, -3, -2)},
        {"siemens", 1, dims(-2, -1, 3, 2)},
        {"weber", 1, dims(2, 1, -2, -1)},
        {"tesla", 1, dims(0, 1, -2, -1)},
        {"henry", 1, dims(2, 1, -2, -2)},
        {"lumen", 1, dims(0, 0, 0, 0, 0, 0, 1)},
        {"lux", 1, dims(-2, 0, 0, 0, 0, 0, 1)},
        {"becquerel", 1, dims(0, 0, -1)},
        {"gray", 1, dims(2, 0, -2)},
        {"sievert", 1, dims(2, 0, -2)},
        {"katal", 1, dims(0, 0, -1, 0, 0, 1)},
        {"liter", 1e-3, dims(3, 0, 0)},
        {"litre", 1e-3, dims(3, 0, 0)},
        {"molar", 1e3, dims(-3, 0, 0, 0, 0, 1)},
    };
}

} // namespace

const UnitRegistry& UnitRegistry::instance() {
    static const UnitRegistry registry;
    return registry;
}

void UnitRegistry::add(const std::string& name, double value, const Dimension& dim) {
    units_.emplace(name, Quantity{value, dim});
}

void UnitRegistry::addWithPrefixesAndPowers(const std::string& name, double value,
                                            const Dimension& dim) {
    auto addPowers = [this](const std::string& unit, double scale, const Dimension& d) {
        add(unit, scale, d);
        add(unit + "2", scale * scale, d.power(2));
        add(unit + "3", scale * scale * scale, d.power(3));
    };
    addPowers(name, value, dim);
    for (const Prefix& prefix : kPrefixes)
        addPowers(prefix.name + name, prefix.scale * value, dim);
}

UnitRegistry::UnitRegistry() {
    for (const NamedUnit& unit : standardUnits())
        addWithPrefixesAndPowers(unit.name, unit.value, unit.dim);
    add("kilogram", 1.0, dims(0, 1, 0));
    // Brian2's stdunits short names.
    const std::pair<const char*, const char*> shortNames[] = {
        {"mV", "mvolt"},    {"mA", "mamp"},     {"uA", "uamp"},     {"nA", "namp"},
        {"pA", "pamp"},     {"pF", "pfarad"},   {"uF", "ufarad"},   {"nF", "nfarad"},
        {"nS", "nsiemens"}, {"uS", "usiemens"}, {"mS", "msiemens"}, {"ms", "msecond"},
        {"us", "usecond"},  {"Hz", "hertz"},    {"kHz", "khertz"},  {"MHz", "Mhertz"},
        {"cm", "cmetre"},   {"cm2", "cmetre2"}, {"cm3", "cmetre3"}, {"mm", "mmetre"},
        {"mm2", "mmetre2"}, {"mm3", "mmetre3"}, {"um", "umetre"},   {"um2", "umetre2"},
        {"um3", "umetre3"}, {"mM", "mmolar"},   {"uM", "umolar"},   {"nM", "nmolar"},
    };
    for (const auto& [shortName, longName] : shortNames)
        units_.emplace(shortName, units_.at(longName));
}

std::optional<Quantity> UnitRegistry::lookup(std::string_view name) const {
    const auto found = units_.find(std::string(name));
    if (found == units_.end())
        return std::nullopt;
    return found->second;
}

std::vector<std::string> UnitRegistry::names() const {
    std::vector<std::string> result;
    result.reserve(units_.size());
    for (const auto& [name, quantity] : units_)
        result.push_back(name);
    std::sort(result.begin(), result.end());
    return result;
}

std::string UnitRegistry::baseNameFor(const Dimension& dim) const {
    for (const NamedUnit& unit : standardUnits())
        if (unit.dim == dim && unit.value == 1.0)
            return unit.name;
    return "";
}

} // namespace spikestudio
