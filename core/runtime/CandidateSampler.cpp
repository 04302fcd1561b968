#include "runtime/CandidateSampler.h"

#include "diagnostics/ModelError.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace spikestudio {

long long candidateCount(long long low, long long high, long long step) {
    if (step == 0)
        throw ModelError({"", "connect", 0, 0}, "the step of range() or sample() cannot be 0");
    const long long n = step > 0 ? (high - low - 1) / step + 1 : (low - high - 1) / -step + 1;
    // Python's floor division: a negative span gives no candidates.
    return (step > 0 ? high <= low : high >= low) ? 0 : n;
}

namespace {

std::vector<double> scaled(const std::vector<long long>& picks, long long low, long long step) {
    std::vector<double> result(picks.size());
    for (size_t k = 0; k < picks.size(); ++k)
        result[k] = static_cast<double>(picks[k] * step + low);
    return result;
}

std::vector<long long> everyCandidateByUniform(long long n, double p, RandomGenerator& random) {
    std::vector<long long> picks;
    for (long long k = 0; k < n; ++k)
        if (random.uniform() < p)
            picks.push_back(k);
    return picks;
}

// Brian2's jump method: draw batches of geometric gaps until past the end.
std::vector<long long> candidatesByJumps(long long n, double p, RandomGenerator& random) {
    const double pconst = 1.0 / std::log(1.0 - p);
    std::vector<long long> picks;
    long long start = 0;
    while (true) {
        const auto batch =
            static_cast<long long>(std::ceil(static_cast<double>(n - start) * p * 1.05)) + 10;
        long long position = start - 1;
        picks.reserve(picks.size() + static_cast<size_t>(batch));
        for (long long b = 0; b < batch; ++b) {
            // Brian2 keeps jumps in int32; one past the end ends the candidates
            // either way, so a longer one (tiny p) stops there instead of overflowing.
            const double jump = std::ceil(std::log(random.uniform()) * pconst);
            position = jump < static_cast<double>(n - position)
                           ? position + static_cast<long long>(jump)
                           : n;
            picks.push_back(position);
        }
        start = position + 1;
        if (start >= n)
            break;
    }
    picks.erase(std::lower_bound(picks.begin(), picks.end(), n), picks.end());
    return picks;
}

} // namespace

std::vector<double> rangeCandidates(long long low, long long high, long long step) {
    const long long n = candidateCount(low, high, step);
    std::vector<double> result(static_cast<size_t>(n));
    for (long long k = 0; k < n; ++k)
        result[static_cast<size_t>(k)] = static_cast<double>(low + k * step);
    return result;
}

std::vector<double> sampleByProbability(long long low, long long high, long long step, double p,
                                        RandomGenerator& random) {
    if (p == 0)
        return {};
    if (p == 1)
        return rangeCandidates(low, high, step);
    const long long n = candidateCount(low, high, step);
    if (n <= 0)
        return {};
    if (n <= 1000 || p > 0.25)
        return scaled(everyCandidateByUniform(n, p, random), low, step);
    return scaled(candidatesByJumps(n, p, random), low, step);
}

std::vector<double> sampleBySize(long long low, long long high, long long step, long long size,
                                 RandomGenerator& random) {
    const long long n = candidateCount(low, high, step);
    if (n <= 0 || size == 0)
        return {};
    if (size < 0)
        throw ModelError({"", "connect", 0, 0},
                         "the sample size " + std::to_string(size) + " is negative");
    if (size > n)
        throw ModelError({"", "connect", 0, 0}, "the sample size " + std::to_string(size) +
                                                    " is bigger than the population size " +
                                                    std::to_string(n));
    if (size == n)
        return rangeCandidates(low, high, step);
    if (n > static_cast<long long>(std::numeric_limits<std::uint32_t>::max()))
        throw ModelError({"", "connect", 0, 0},
                         "sample(size=...) draws from at most 4294967295 candidates, not " +
                             std::to_string(n));
    // numpy: permutation(n)[:size], the permutation by a backwards Fisher-Yates shuffle.
    std::vector<long long> order(static_cast<size_t>(n));
    std::iota(order.begin(), order.end(), 0LL);
    for (long long k = n - 1; k >= 1; --k)
        std::swap(order[static_cast<size_t>(k)],
                  order[random.interval(static_cast<std::uint32_t>(k))]);
    order.resize(static_cast<size_t>(size));
    std::sort(order.begin(), order.end());
    return scaled(order, low, step);
}

} // namespace spikestudio
