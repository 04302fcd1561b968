#pragma once

#include <string>

namespace spikestudio {

/// Brian2's BinomialFunction(n, p, approximate): called in code and
/// equations as `name()`, it draws how many of n trials of probability p
/// succeed, anew at every call.
struct BinomialFunctionSpec {
    std::string name;
    long long trials = 0;    // n
    std::string probability; // p, a dimensionless expression of the constants
    bool approximate = true; // a normal distribution where n*p > 5 and n*(1-p) > 5
};

} // namespace spikestudio
