#include "runtime/MersenneTwister.h"

#include <algorithm>
#include <cstddef>

namespace spikestudio {

namespace {

constexpr int kN = MersenneTwister::kStateSize;
constexpr int kShift = 397;

// One step of the recurrence: the upper bit of `word`, the lower 31 of
// `nextWord`, shifted, and the matrix A applied without a branch.
inline std::uint32_t twisted(std::uint32_t word, std::uint32_t nextWord, std::uint32_t far) {
    const std::uint32_t mixed = (word & 0x80000000u) | (nextWord & 0x7fffffffu);
    return far ^ (mixed >> 1) ^ ((0u - (nextWord & 1u)) & 0x9908b0dfu);
}

inline std::uint32_t tempered(std::uint32_t y) {
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

} // namespace

void MersenneTwister::seed(std::uint32_t value) {
    state_[0] = value;
    for (int k = 1; k < kN; ++k) {
        const std::uint32_t previous = state_[static_cast<std::size_t>(k - 1)];
        state_[static_cast<std::size_t>(k)] =
            1812433253u * (previous ^ (previous >> 30)) + static_cast<std::uint32_t>(k);
    }
    next_ = kN;
}

void MersenneTwister::take(std::uint32_t* out, std::size_t count) {
    while (count > 0) {
        if (next_ == kN)
            renew();
        const std::size_t chunk = std::min(count, static_cast<std::size_t>(kN - next_));
        std::copy_n(output_.data() + next_, chunk, out);
        next_ += static_cast<int>(chunk);
        out += chunk;
        count -= chunk;
    }
}

// The three loops of the reference code's genrand: each reads words at least
// 227 places away from the ones it writes, so their iterations are independent
// in groups of any vector width.
void MersenneTwister::renew() {
    std::uint32_t* const s = state_.data();
    for (int k = 0; k < kN - kShift; ++k)
        s[k] = twisted(s[k], s[k + 1], s[k + kShift]);
    for (int k = kN - kShift; k < kN - 1; ++k)
        s[k] = twisted(s[k], s[k + 1], s[k + kShift - kN]);
    s[kN - 1] = twisted(s[kN - 1], s[0], s[kShift - 1]);
    for (int k = 0; k < kN; ++k)
        output_[static_cast<std::size_t>(k)] = tempered(s[k]);
    next_ = 0;
}

} // namespace spikestudio
