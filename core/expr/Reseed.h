#pragma once

#include <cstdint>
#include <optional>

namespace spikestudio {

/// A seed entry of `initial` or of a protocol's `set` (Brian2's `seed(n)` or
/// `seed()` written between two assignments or before a `run()`): the random
/// stream starts again from `seed` at that point, or, with no seed given,
/// from a fresh one (RandomGenerator::reseed derives it from the run's seed).
struct Reseed {
    std::optional<std::uint32_t> seed; // nullopt: a fresh seed
};

} // namespace spikestudio
