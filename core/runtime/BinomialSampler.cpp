#include "runtime/BinomialSampler.h"

#include "expr/BinomialShape.h"
#include "runtime/RandomGenerator.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <limits>

namespace spikestudio {

BinomialPlan planBinomial(std::int64_t n, double p) {
    BinomialPlan plan;
    if (const BinomialShape shape = binomialShape(n, p, true); shape.normal) {
        plan.normal = true;
        plan.mean = shape.mean;
        plan.deviation = shape.deviation;
        return plan;
    }
    plan.countsFailures = p > 0.5;
    plan.n = n;
    plan.p = plan.countsFailures ? 1.0 - p : p;
    const InversionConstants constants = inversionConstants(n, plan.p);
    plan.q = constants.q;
    plan.qn = constants.qn;
    plan.bound = constants.bound;
    return plan;
}

InversionConstants inversionConstants(std::int64_t n, double p) {
    const double trials = static_cast<double>(n);
    InversionConstants constants;
    constants.q = 1.0 - p;
    constants.qn = std::exp(trials * std::log(constants.q));
    const double mean = trials * p;
    constants.bound = static_cast<std::int64_t>(
        std::min(trials, mean + 10.0 * std::sqrt(mean * constants.q + 1.0)));
    return constants;
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

namespace {

using spikestudio::RandomGenerator;

/// numpy's inversion with the constants numpy works out for (n, p).
std::int64_t binomialByInversion(void* generator, std::int64_t n, double p) {
    const spikestudio::InversionConstants c = spikestudio::inversionConstants(n, p);
    return static_cast<std::int64_t>(
        spikestudio_binomial_inversion(generator, n, p, c.q, c.qn, c.bound));
}

/// numpy's Stirling series term for log(x!) in BTPE's final test, 13680 and
/// all: numpy 1.24 has that misprint of the paper's 13860 (and adds all four
/// terms), and its legacy RandomState keeps both to this day.
double btpeStirlingTerm(double x, double xSquared) {
    return (13680. - (462. - (132. - (99. - 140. / xSquared) / xSquared) / xSquared) / xSquared) /
           x / 166320.;
}

/// numpy's random_binomial_btpe (Kachitvichyanukul & Schmeiser 1988, BTPE):
/// the number of successes of n trials with success probability p <= 0.5
/// (numpy's caller passes 1-p when p > 0.5, so its own final flip never
/// applies). Each attempt draws two uniforms; a rejected one starts again.
/// Every expression follows numpy's, operation by operation and with its
/// integer arithmetic where numpy's is on integers, so that the accepted
/// count and the number of uniforms drawn are numpy's.
std::int64_t binomialByBtpe(RandomGenerator& random, std::int64_t n, double p) {
    const double trials = static_cast<double>(n);
    const double r = p; // numpy's min(p, 1 - p), p itself for p <= 0.5
    const double q = 1.0 - r;
    // The mode m, and the regions under the hat: a triangle [xl, xr] of area
    // p1 around xm, two parallelograms up to p2, exponential tails to p3, p4.
    const double fm = trials * r + r;
    const auto m = static_cast<std::int64_t>(std::floor(fm));
    const double mode = static_cast<double>(m);
    const double p1 = std::floor(2.195 * std::sqrt(trials * r * q) - 4.6 * q) + 0.5;
    const double xm = mode + 0.5;
    const double xl = xm - p1;
    const double xr = xm + p1;
    const double c = 0.134 + 20.5 / (15.3 + mode);
    double a = (fm - xl) / (fm - xl * r);
    const double lambdaLeft = a * (1.0 + a / 2.0);
    a = (xr - fm) / (xr * q);
    const double lambdaRight = a * (1.0 + a / 2.0);
    const double p2 = p1 * (1.0 + 2.0 * c);
    const double p3 = p2 + c / lambdaLeft;
    const double p4 = p3 + c / lambdaRight;
    const double nrq = trials * r * q; // the variance

    while (true) {
        // Step 10: u picks the region, v the height under the hat.
        const double u = random.uniform() * p4;
        double v = random.uniform();
        std::int64_t y;
        if (u <= p1) // the triangle lies under the density: accepted at once
            return static_cast<std::int64_t>(std::floor(xm - p1 * v + u));
        if (u <= p2) { // Step 20: the parallelograms
            const double x = xl + (u - p1) / c;
            v = v * c + 1.0 - std::fabs(mode - x + 0.5) / p1;
            if (v > 1.0)
                continue;
            y = static_cast<std::int64_t>(std::floor(x));
        } else if (u <= p3) { // Step 30: the left tail
            // numpy rejects v = 0 after casting floor(log(0)) (undefined); here
            // before: the same restart, the same uniforms.
            if (v == 0.0)
                continue;
            y = static_cast<std::int64_t>(std::floor(xl + std::log(v) / lambdaLeft));
            if (y < 0)
                continue;
            v = v * (u - p2) * lambdaLeft;
        } else { // Step 40: the right tail
            if (v == 0.0)
                continue;
            y = static_cast<std::int64_t>(std::floor(xr - std::log(v) / lambdaRight));
            if (y > n)
                continue;
            v = v * (u - p3) * lambdaRight;
        }

        // Step 50: near the mode (or for a narrow distribution), the density
        // ratio f(y)/f(m) by its recursion.
        const std::int64_t k = std::llabs(y - m);
        if (!(k > 20 && static_cast<double>(k) < nrq / 2.0 - 1)) {
            const double s = r / q;
            const double as = s * static_cast<double>(n + 1);
            double ratio = 1.0;
            if (m < y) {
                for (std::int64_t i = m + 1; i <= y; ++i)
                    ratio *= (as / static_cast<double>(i) - s);
            } else if (m > y) {
                for (std::int64_t i = y + 1; i <= m; ++i)
                    ratio /= (as / static_cast<double>(i) - s);
            }
            if (v > ratio)
                continue;
            return y;
        }

        // Step 52: far from the mode, squeeze log(v) between bounds of the
        // log density ratio, and only between them take its Stirling form.
        const double distance = static_cast<double>(k);
        const double rho =
            (distance / nrq) *
            ((distance * (distance / 3.0 + 0.625) + 0.16666666666666666) / nrq + 0.5);
        const double t = static_cast<double>(-k * k) / (2 * nrq); // -k*k on integers, as numpy
        const double logV = std::log(v);
        if (logV < t - rho)
            return y;
        if (logV > t + rho)
            continue;
        // numpy 1.24 sums these on integers, then converts (later numpy converts
        // first: the same values below 2^53).
        const auto x1 = static_cast<double>(y + 1);
        const auto f1 = static_cast<double>(m + 1);
        const auto z = static_cast<double>(n + 1 - m);
        const auto w = static_cast<double>(n - y + 1);
        const double logRatio = xm * std::log(f1 / x1) +
                                (static_cast<double>(n - m) + 0.5) * std::log(z / w) +
                                static_cast<double>(y - m) * std::log(w * r / (x1 * q)) +
                                btpeStirlingTerm(f1, f1 * f1) + btpeStirlingTerm(z, z * z) +
                                btpeStirlingTerm(x1, x1 * x1) + btpeStirlingTerm(w, w * w);
        if (logV > logRatio)
            continue;
        return y;
    }
}

/// numpy's choice for success probability p <= 0.5.
std::int64_t binomialSuccesses(void* generator, std::int64_t n, double p) {
    if (p * static_cast<double>(n) <= 30.0)
        return binomialByInversion(generator, n, p);
    return binomialByBtpe(*static_cast<RandomGenerator*>(generator), n, p);
}

} // namespace

extern "C" double spikestudio_binomial(void* generator, std::int64_t n, double p) {
    if (n < 0 || !(p >= 0.0 && p <= 1.0))
        return std::numeric_limits<double>::quiet_NaN();
    // numpy's legacy_random_binomial: no shortcut for n = 0 or p = 0 (those
    // are the Generator's); the inversion draws its one uniform and gives 0.
    if (p <= 0.5)
        return static_cast<double>(binomialSuccesses(generator, n, p));
    return static_cast<double>(n - binomialSuccesses(generator, n, 1.0 - p)); // counting failures
}
