#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace spikestudio {

/// `text` read as a whole number from `least` to `most`: digits only (no sign,
/// space, fraction or trailing text), or nothing. Counts, ids and timeouts
/// given on the command line or in a sweep's text all read through it.
std::optional<std::uint64_t> wholeNumber(std::string_view text, std::uint64_t least,
                                         std::uint64_t most);

} // namespace spikestudio
