#pragma once
#include <array>
#include <cstddef>
#include <cstdint>

namespace spikestudio {

/// The 32-bit Mersenne Twister MT19937 (Matsumoto and Nishimura 1998), word
/// for word the stream of std::mt19937 and of numpy's RandomState for the
/// same seed. The 624 words of state are renewed all at once and tempered in
/// the same pass, in loops without branches that the compiler turns into
/// vector code; a draw is then one load. Random-heavy models (a PoissonGroup
/// draws one uniform, two words, per neuron and step) spend most of their
/// time here, and std::mt19937 renews its state one word at a time.
class MersenneTwister {
public:
    static constexpr int kStateSize = 624;

    explicit MersenneTwister(std::uint32_t value = 5489u) { seed(value); }

    /// init_genrand: the seeding of the reference code, std::mt19937 and numpy.
    void seed(std::uint32_t value);

    std::uint32_t operator()() {
        if (next_ == kStateSize)
            renew();
        return output_[next_++];
    }

    /// The next `count` words, as `count` calls give them.
    void take(std::uint32_t* out, std::size_t count);

private:
    void renew();

    alignas(64) std::array<std::uint32_t, kStateSize> state_{};
    alignas(64) std::array<std::uint32_t, kStateSize> output_{};
    int next_ = kStateSize;
};

} // namespace spikestudio
