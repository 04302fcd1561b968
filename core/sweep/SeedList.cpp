#include "sweep/SeedList.h"

#include "diagnostics/UserError.h"
#include "model/Seed.h"

#include <string>

namespace spikestudio {
namespace {

[[noreturn]] void refuseSeeds(std::string_view text, const std::string& why) {
    throw UserError("--seeds '" + std::string(text) + "': " + why);
}

std::uint32_t seedIn(std::string_view option, std::string_view part) {
    const auto seed = Seed::parse(part);
    if (!seed)
        refuseSeeds(option, "'" + std::string(part) + "': " + Seed::problem());
    return *seed;
}

void append(std::vector<std::uint32_t>& seeds, std::uint32_t seed, std::string_view option) {
    if (seeds.size() == kMaxSweepSeeds)
        refuseSeeds(option, "more than " + std::to_string(kMaxSweepSeeds) + " seeds");
    seeds.push_back(seed);
}

} // namespace

std::vector<std::uint32_t> parseSeedList(std::string_view text) {
    std::vector<std::uint32_t> seeds;
    const std::size_t colon = text.find(':');
    if (colon != std::string_view::npos) {
        const std::uint32_t first = seedIn(text, text.substr(0, colon));
        const std::uint32_t last = seedIn(text, text.substr(colon + 1));
        if (last < first)
            refuseSeeds(text, "the range ends before it starts");
        if (std::uint64_t(last) - first >= kMaxSweepSeeds)
            refuseSeeds(text, "more than " + std::to_string(kMaxSweepSeeds) + " seeds");
        for (std::uint64_t seed = first; seed <= last; ++seed)
            seeds.push_back(static_cast<std::uint32_t>(seed));
        return seeds;
    }
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = text.find(',', start);
        append(seeds, seedIn(text, text.substr(start, comma - start)), text);
        if (comma == std::string_view::npos)
            break;
        start = comma + 1;
    }
    return seeds;
}

} // namespace spikestudio
