#include "model/Seed.h"

#include "diagnostics/ModelError.h"
#include "diagnostics/WholeNumber.h"

namespace spikestudio {

std::optional<std::uint32_t> Seed::parse(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos)
        return std::nullopt;
    text = text.substr(first, text.find_last_not_of(" \t") - first + 1);
    const auto seed = wholeNumber(text, 0, kLargest);
    if (!seed)
        return std::nullopt;
    return static_cast<std::uint32_t>(*seed);
}

std::optional<std::uint32_t> Seed::fromInteger(long long value) {
    if (value < 0 || value > static_cast<long long>(kLargest))
        return std::nullopt;
    return static_cast<std::uint32_t>(value);
}

std::uint32_t Seed::fromOption(std::string_view text, const std::string& option) {
    const std::optional<std::uint32_t> seed = parse(text);
    if (!seed)
        throw ModelError({"command line", option, 0, 0}, problem());
    return *seed;
}

std::string Seed::problem() {
    return "the seed must be a whole number from 0 to " + std::to_string(kLargest);
}

} // namespace spikestudio
