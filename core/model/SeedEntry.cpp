#include "model/SeedEntry.h"

#include "diagnostics/ModelError.h"
#include "model/Seed.h"

namespace spikestudio {

namespace {

constexpr const char* kFresh = "fresh";

} // namespace

bool isSeedEntry(const nlohmann::ordered_json& entry) {
    return entry.is_object() && entry.contains("seed");
}

Reseed readSeedEntry(const nlohmann::ordered_json& entry, const std::string& object,
                     const std::string& field) {
    for (const auto& [key, value] : entry.items())
        if (key != "seed")
            throw ModelError({object, field + "." + key, 0, 0},
                             "unknown field '" + key + "' in a seed entry (it has 'seed' only)");
    const nlohmann::ordered_json& seed = entry.at("seed");
    if (seed.is_string() && seed.get<std::string>() == kFresh)
        return Reseed{};
    std::optional<std::uint32_t> value;
    if (seed.is_number_unsigned())
        value = seed.get<unsigned long long>() <= Seed::kLargest
                    ? std::optional<std::uint32_t>(seed.get<std::uint32_t>())
                    : std::nullopt;
    else if (seed.is_number_integer())
        value = Seed::fromInteger(seed.get<long long>());
    if (!value)
        throw ModelError({object, field + ".seed", 0, 0},
                         Seed::problem() + ", or \"fresh\" for a new seed");
    return Reseed{value};
}

nlohmann::ordered_json seedEntryJson(const Reseed& reseed) {
    nlohmann::ordered_json json = nlohmann::ordered_json::object();
    if (reseed.seed)
        json["seed"] = *reseed.seed;
    else
        json["seed"] = kFresh;
    return json;
}

std::string seedCallText(const Reseed& reseed) {
    return reseed.seed ? "seed(" + std::to_string(*reseed.seed) + ")" : "seed()";
}

} // namespace spikestudio
