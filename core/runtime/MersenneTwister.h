#pragma once

#include <array>
#include <cstdint>

namespace spikestudio {

/// MT19937 (Matsumoto and Nishimura 1998): the numbers of std::mt19937 and of
/// numpy's RandomState for the same seed. The state is kept in 32-bit words
/// (std::mt19937 keeps them in 64-bit ones on Linux), so regenerating it, which
/// connecting millions of synapses does hundreds of thousands of times, is faster.
class MersenneTwister {
public:
    explicit MersenneTwister(std::uint32_t seed = 5489u) { reseed(seed); }

    void reseed(std::uint32_t seed) {
        state_[0] = seed;
        for (std::uint32_t k = 1; k < kSize; ++k)
            state_[k] = 1812433253u * (state_[k - 1] ^ (state_[k - 1] >> 30)) + k;
        next_ = kSize;
    }

    std::uint32_t operator()() {
        if (next_ >= kSize)
            regenerate();
        std::uint32_t y = state_[next_++];
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

private:
    static constexpr std::uint32_t kSize = 624;
    static constexpr std::uint32_t kShift = 397;

    static std::uint32_t twisted(std::uint32_t upper, std::uint32_t lower, std::uint32_t far) {
        const std::uint32_t y = (upper & 0x80000000u) | (lower & 0x7fffffffu);
        return far ^ (y >> 1) ^ ((y & 1u) * 0x9908b0dfu);
    }

    void regenerate() {
        std::uint32_t k = 0;
        for (; k < kSize - kShift; ++k)
            state_[k] = twisted(state_[k], state_[k + 1], state_[k + kShift]);
        for (; k < kSize - 1; ++k)
            state_[k] = twisted(state_[k], state_[k + 1], state_[k + kShift - kSize]);
        state_[kSize - 1] = twisted(state_[kSize - 1], state_[0], state_[kShift - 1]);
        next_ = 0;
    }

    std::array<std::uint32_t, kSize> state_{};
    std::uint32_t next_ = kSize;
};

} // namespace spikestudio
