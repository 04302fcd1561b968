#include "runtime/RandomGenerator.h"

namespace spikestudio {

// The words taken in blocks and converted in a loop the compiler vectorises:
// a word shifted right by 5 or 6 fits an int32, whose conversion to double
// has a vector instruction, and the scaling by 2^-53 is exact, as uniform()'s
// division is, so the numbers are uniform()'s to the bit.
void RandomGenerator::fillUniform(double* out, std::size_t count) {
    constexpr std::size_t kBlock = 256;
    std::uint32_t words[2 * kBlock];
    while (count > 0) {
        const std::size_t block = count < kBlock ? count : kBlock;
        engine_.take(words, 2 * block);
        for (std::size_t k = 0; k < block; ++k) {
            const auto high = static_cast<std::int32_t>(words[2 * k] >> 5);
            const auto low = static_cast<std::int32_t>(words[2 * k + 1] >> 6);
            out[k] = (high * 67108864.0 + low) * (1.0 / 9007199254740992.0);
        }
        out += block;
        count -= block;
    }
}

// SplitMix64's finaliser over the run's seed and the count: neighbouring
// inputs give unrelated seeds, and none repeats the run's own stream.
std::uint32_t RandomGenerator::nextFreshSeed() {
    std::uint64_t mixed =
        (static_cast<std::uint64_t>(runSeed_) << 32 | ++freshSeeds_) + 0x9e3779b97f4a7c15ULL;
    mixed = (mixed ^ (mixed >> 30)) * 0xbf58476d1ce4e5b9ULL;
    mixed = (mixed ^ (mixed >> 27)) * 0x94d049bb133111ebULL;
    mixed ^= mixed >> 31;
    return static_cast<std::uint32_t>(mixed >> 32);
}

void RandomGenerator::fillNormal(double* out, std::size_t count) {
    for (std::size_t k = 0; k < count; ++k)
        out[k] = normal();
}

} // namespace spikestudio

extern "C" double spikestudio_rand(void* generator) {
    return static_cast<spikestudio::RandomGenerator*>(generator)->uniform();
}

extern "C" double spikestudio_randn(void* generator) {
    return static_cast<spikestudio::RandomGenerator*>(generator)->normal();
}
