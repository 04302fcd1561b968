#pragma once

#include <cstddef>

namespace spikestudio::fuzz {

// Size caps that keep each fuzz iteration fast. They are far above what the
// program refuses by itself (docs/security.md, "Input limits": 10,000 terms and
// 200 levels of nesting per field), so every refusal path is still reached.
// Earlier caps that hid known failure classes (stack overflow on long texts,
// allocations without a memory estimate) were removed once the fixes landed.

/// The longest text of an expression, statement or equation input.
constexpr size_t kMaxTextBytes = 65536;

/// The largest model file.
constexpr size_t kMaxModelBytes = 262144;

} // namespace spikestudio::fuzz
