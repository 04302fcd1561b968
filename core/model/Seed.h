#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace spikestudio {

/// A run's random seed, whoever gives it (the model file's "seed", `--seed`,
/// the run view, the inspector): a whole number from 0 to 4294967295. The one
/// place that says which seeds are good and in what words the others are refused.
class Seed {
public:
    static constexpr std::uint32_t kLargest = 4294967295u;

    /// The seed `text` spells (decimal digits, spaces around them allowed), or nullopt.
    static std::optional<std::uint32_t> parse(std::string_view text);
    /// The seed an integer read from a file gives, or nullopt when out of range.
    static std::optional<std::uint32_t> fromInteger(long long value);
    /// The seed a command-line option (`--seed`) gives; throws ModelError naming it.
    static std::uint32_t fromOption(std::string_view text, const std::string& option);
    /// Why a seed was refused: "the seed must be a whole number from 0 to 4294967295".
    static std::string problem();
};

} // namespace spikestudio
