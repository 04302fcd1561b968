#pragma once

#include <cstdint>
#include <string>

namespace spikestudio {

/// A command-line option's whole number from `least` to `most`, or a
/// ModelError naming the option: "<rule> from <least> to <most>", where
/// `rule` says what the number counts ("the number of jobs must be a whole
/// number").
std::uint64_t numberOption(const std::string& text, const char* option, const char* rule,
                           std::uint64_t least, std::uint64_t most);

} // namespace spikestudio
