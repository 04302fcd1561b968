#include "runtime/BinomialSampler.h"

#include "runtime/RandomGenerator.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

BinomialPlan planBinomial(std::int64_t n, double p) {
    BinomialPlan plan;
    const double trials = static_cast<double>(n);
    if (trials * p > 5.0 && trials * (1.0 - p) > 5.0) {
        plan.normal = true;
        plan.mean = trials * p;
        plan.deviation = std::sqrt(trials * p * (1.0 - p));
        return plan;
    }
    plan.countsFailures = p > 0.5;
    plan.n = n;
    plan.p = plan.countsFailures ? 1.0 - p : p;
    plan.q = 1.0 - plan.p;
    plan.qn = std::exp(trials * std::log(plan.q));
    const double mean = trials * plan.p;
    plan.bound =
        static_cast<std::int64_t>(std::min(trials, mean + 10.0 * std::sqrt(mean * plan.q + 1.0)));
    return plan;
}

} // namespace spikestudio

extern "C" double spikestudio_binomial_inversion(void* generator, std::int64_t n, double p,
                                                 double q, double qn, std::int64_t bound) {
    std::int64_t count = 0;
    double probability = qn; // of exactly `count` successes
    double u = spikestudio_rand(generator);
    while (u > probability) {
        ++count;
        if (count > bound) { // numerically lost in the tail: start again
            count = 0;
            probability = qn;
            u = spikestudio_rand(generator);
        } else {
            u -= probability;
            probability = (static_cast<double>(n - count + 1) * p * probability) /
                          (static_cast<double>(count) * q);
        }
    }
    return static_cast<double>(count);
}
