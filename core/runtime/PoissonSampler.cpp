#include "runtime/PoissonSampler.h"

#include "runtime/RandomGenerator.h"

#include <cmath>

namespace {

using spikestudio::RandomGenerator;

double multiplication(RandomGenerator& random, double lambda) {
    const double limit = std::exp(-lambda);
    double count = 0.0;
    double product = 1.0;
    while (true) {
        product *= random.uniform();
        if (product <= limit)
            return count;
        count += 1.0;
    }
}

// Hoermann's transformed rejection with squeeze (numpy's random_poisson_ptrs).
double transformedRejection(RandomGenerator& random, double lambda) {
    const double slam = std::sqrt(lambda);
    const double loglam = std::log(lambda);
    const double b = 0.931 + 2.53 * slam;
    const double a = -0.059 + 0.02483 * b;
    const double invalpha = 1.1239 + 1.1328 / (b - 3.4);
    const double vr = 0.9277 - 3.6224 / (b - 2);
    while (true) {
        const double U = random.uniform() - 0.5;
        const double V = random.uniform();
        const double us = 0.5 - std::fabs(U);
        const double k = std::floor((2 * a / us + b) * U + lambda + 0.43);
        if (us >= 0.07 && V <= vr)
            return k;
        if (k < 0 || (us < 0.013 && V > us))
            continue;
        if (std::log(V) + std::log(invalpha) - std::log(a / (us * us) + b) <=
            -lambda + k * loglam - std::lgamma(k + 1))
            return k;
    }
}

} // namespace

extern "C" double spikestudio_poisson(void* generator, double lambda) {
    auto& random = *static_cast<RandomGenerator*>(generator);
    if (!(lambda > 0.0))
        return 0.0;
    return lambda >= 10.0 ? transformedRejection(random, lambda) : multiplication(random, lambda);
}
