#pragma once

namespace spikestudio {

/// How Brian2's BinomialFunction(n, p, approximate) draws, decided once
/// before the run: from a normal distribution of the same mean and variance
/// when approximating and n*p > 5 and n*(1-p) > 5, otherwise numpy's
/// binomial(n, p). PoissonInput draws its counts the same way.
struct BinomialShape {
    bool normal = false;
    double mean = 0.0, deviation = 0.0; // normal: mean + deviation * randn()
    long long trials = 0;               // otherwise: numpy's binomial(trials, probability)
    double probability = 0.0;
};

BinomialShape binomialShape(long long trials, double probability, bool approximate);

} // namespace spikestudio
