#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace spikestudio {

/// Reads `--seeds`: a range `1:5` (1 to 5 inclusive), a list `1,2,7`, or one
/// seed; each a valid Seed. At most kMaxSweepSeeds seeds. Throws UserError.
std::vector<std::uint32_t> parseSeedList(std::string_view text);

inline constexpr std::size_t kMaxSweepSeeds = 10000;

} // namespace spikestudio
