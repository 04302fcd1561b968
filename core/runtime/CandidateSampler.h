#pragma once

#include "runtime/RandomGenerator.h"

#include <vector>

namespace spikestudio {

/// How many candidates `range(low, high, step)` has (Python's rules: none for
/// a negative span). Throws ModelError for a step of 0.
long long candidateCount(long long low, long long high, long long step);

/// The candidates of `range(low, high, step)` (as doubles, for expressions).
std::vector<double> rangeCandidates(long long low, long long high, long long step);

/// `sample(low, high, step, p=p)` as Brian2's numpy target draws it: one
/// uniform per candidate when there are at most 1000 candidates or p > 0.25,
/// else geometric jumps between hits, ceil(log(rand()) / log(1 - p)), so sparse
/// connectivity costs O(hits), not O(candidates).
std::vector<double> sampleByProbability(long long low, long long high, long long step, double p,
                                        RandomGenerator& random);

/// `sample(low, high, step, size=n)`: n distinct candidates chosen uniformly
/// (numpy's legacy choice without replacement: a shuffled permutation), sorted.
/// Throws ModelError for a negative size or one larger than the population.
std::vector<double> sampleBySize(long long low, long long high, long long step, long long size,
                                 RandomGenerator& random);

} // namespace spikestudio
