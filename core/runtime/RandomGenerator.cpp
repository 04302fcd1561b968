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
