#include "WholeNumber.h"

#include <charconv>

namespace spikestudio {

std::optional<std::uint64_t> wholeNumber(std::string_view text, std::uint64_t least,
                                         std::uint64_t most) {
    std::uint64_t value = 0; // unsigned: from_chars takes no sign, space or hex prefix
    if (text.empty())
        return std::nullopt;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || value < least || value > most)
        return std::nullopt;
    return value;
}

} // namespace spikestudio
