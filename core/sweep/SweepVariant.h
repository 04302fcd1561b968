#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace spikestudio {

struct Model;

/// One run of a sweep: a value for every swept constant (as exact model
/// expressions) and, when the sweep gives seeds, its seed.
struct SweepVariant {
    std::size_t index = 0;                                      // 0-based, in sweep order
    std::vector<std::pair<std::string, std::string>> constants; // name, exact value text
    std::optional<std::uint32_t> seed;

    /// The model this variant runs: `base` with the swept constants replaced
    /// (and its seed, if any). The constants exist: SweepPlan checked them.
    Model applyTo(const Model& base) const;
};

} // namespace spikestudio
