#pragma once

#include "expr/Reseed.h"
#include "runtime/MersenneTwister.h"

#include <cmath>
#include <cstddef>
#include <cstdint>

namespace spikestudio {

/// Random numbers exactly as numpy.random.RandomState(seed) draws them, which
/// is what Brian2 uses: Mersenne Twister seeded with init_genrand, uniforms
/// from 53 random bits, normals by numpy's legacy polar Box-Muller (two per
/// round, the second cached).
class RandomGenerator {
public:
    explicit RandomGenerator(std::uint32_t seed = 0) : runSeed_(seed) { reseed(seed); }

    /// numpy's RandomState.seed: the stream starts again, the cached normal is dropped.
    void reseed(std::uint32_t seed) {
        engine_.seed(seed);
        hasCachedNormal_ = false;
    }

    /// A seed entry: its seed, or a fresh one. Brian2's `seed()` takes a fresh
    /// seed from the operating system; here it is derived from the run's seed
    /// and the number of fresh seeds before it, so a run repeats with its seed.
    void reseed(const Reseed& entry) { reseed(entry.seed ? *entry.seed : nextFreshSeed()); }

    double uniform() {
        const std::uint32_t a = static_cast<std::uint32_t>(engine_()) >> 5;
        const std::uint32_t b = static_cast<std::uint32_t>(engine_()) >> 6;
        return (a * 67108864.0 + b) / 9007199254740992.0;
    }

    double normal() {
        if (hasCachedNormal_) {
            hasCachedNormal_ = false;
            return cachedNormal_;
        }
        double x1, x2, r2;
        do {
            x1 = 2.0 * uniform() - 1.0;
            x2 = 2.0 * uniform() - 1.0;
            r2 = x1 * x1 + x2 * x2;
        } while (r2 >= 1.0 || r2 == 0.0);
        const double f = std::sqrt(-2.0 * std::log(r2) / r2);
        cachedNormal_ = f * x1;
        hasCachedNormal_ = true;
        return f * x2;
    }

    /// The next `count` uniforms, as `count` calls of uniform() give them
    /// (kernels take their numbers drawn ahead: engine/BoundKernel).
    void fillUniform(double* out, std::size_t count);

    /// The next `count` normals, as `count` calls of normal() give them.
    void fillNormal(double* out, std::size_t count);

    /// An integer from 0 to max inclusive, by numpy's legacy masked rejection
    /// (random_interval), as RandomState.shuffle and choice draw them.
    std::uint32_t interval(std::uint32_t max) {
        if (max == 0)
            return 0;
        std::uint32_t mask = max;
        for (int shift = 1; shift <= 16; shift *= 2)
            mask |= mask >> shift;
        std::uint32_t value;
        do {
            value = static_cast<std::uint32_t>(engine_()) & mask;
        } while (value > max);
        return value;
    }

private:
    std::uint32_t nextFreshSeed();

    MersenneTwister engine_;
    std::uint32_t runSeed_;
    std::uint32_t freshSeeds_ = 0; // fresh seeds given so far
    bool hasCachedNormal_ = false;
    double cachedNormal_ = 0.0;
};

} // namespace spikestudio

/// Kernel entry points (C linkage; `generator` is a RandomGenerator*).
extern "C" double spikestudio_rand(void* generator);
extern "C" double spikestudio_randn(void* generator);
