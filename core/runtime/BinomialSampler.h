#pragma once

#include <cstdint>

namespace spikestudio {

/// How Brian2 draws a binomial(n, p) count for a PoissonInput: a normal
/// approximation when n*p > 5 and n*(1-p) > 5, otherwise numpy's inversion
/// algorithm (on 1-p, counting failures, when p > 0.5). The constants are
/// worked out once, before the run.
struct BinomialPlan {
    bool normal = false;
    double mean = 0.0, deviation = 0.0; // normal approximation
    bool countsFailures = false;        // inversion on q = 1-p: the result is n - X
    std::int64_t n = 0;
    double p = 0.0, q = 1.0, qn = 1.0; // inversion: qn = q^n
    std::int64_t bound = 0;            // inversion restarts beyond this count
};

BinomialPlan planBinomial(std::int64_t n, double p);

/// The constants numpy's inversion works out for (n, p <= 0.5): q = 1-p, q^n,
/// and the count beyond which it starts again (numerically lost in the tail).
struct InversionConstants {
    double q = 1.0, qn = 1.0;
    std::int64_t bound = 0;
};

InversionConstants inversionConstants(std::int64_t n, double p);

} // namespace spikestudio

/// numpy's legacy binomial inversion, drawing from the kernel's RandomGenerator:
/// the number of successes X (of n trials with success probability p <= 0.5).
extern "C" double spikestudio_binomial_inversion(void* generator, std::int64_t n, double p,
                                                 double q, double qn, std::int64_t bound);

/// One draw of numpy's legacy RandomState.binomial(n, p), bit for bit and
/// with as many uniforms: inversion when the smaller of p and 1-p times n is
/// at most 30, BTPE otherwise, on 1-p counting failures when p > 0.5. Like
/// numpy's RandomState, n = 0, p = 0 and p = 1 still take one uniform.
/// Returns the count, or NaN without drawing for n < 0 or p outside [0, 1]
/// (which numpy refuses).
extern "C" double spikestudio_binomial(void* generator, std::int64_t n, double p);
