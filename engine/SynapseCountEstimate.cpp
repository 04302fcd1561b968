#include "engine/SynapseCountEstimate.h"

#include "diagnostics/ModelError.h"
#include "engine/ConnectEvaluator.h"
#include "runtime/CandidateSampler.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

namespace {

using Kind = SynapseCountEstimate::Kind;

/// Sources evaluated pair by pair, and the candidates one of them may have.
constexpr long long kSampledSources = 64;
constexpr long long kMostCandidatesEvaluated = 1 << 20;
/// Sources counted without evaluating pairs (a few scalar evaluations each).
constexpr long long kCountedSources = 1024;

double copiesOf(double n) {
    return std::isfinite(n) ? std::max(0.0, std::trunc(n)) : 0.0;
}

std::optional<SynapseCountEstimate> fromArrays(const CheckedConnect& connect,
                                               ConnectEvaluator& evaluator) {
    const double pairs = static_cast<double>(connect.i.size());
    const double copies = copiesOf(evaluator.copies({}).at(0));
    const double p = std::clamp(evaluator.arrayProbability(), 0.0, 1.0);
    return SynapseCountEstimate{pairs * p * copies, p == 1.0 ? Kind::Exact : Kind::Mean};
}

class Estimator {
public:
    Estimator(const CheckedConnect& connect, const GroupState& source, const GroupState& target,
              const Scope& scope)
        : connect_(connect), source_(source), evaluator_(connect, source, target, scope, unused_) {}

    std::optional<SynapseCountEstimate> run() {
        if (connect_.form == ConnectSpec::Form::Arrays)
            return fromArrays(connect_, evaluator_);
        // Skipped pairs are only known by making them: no estimate.
        if (evaluator_.drawsOtherRandomNumbers() || connect_.skipIfInvalid)
            return std::nullopt;
        if (source_.size == 0)
            return SynapseCountEstimate{0.0, Kind::Exact};
        const bool draws =
            (evaluator_.samples() && !evaluator_.sampleHasSize()) || evaluator_.conditionDraws();
        const Kind drawn = draws ? Kind::Mean : Kind::Exact;
        if (!evaluator_.evaluatesPairs() && evaluator_.sameForEverySource())
            return SynapseCountEstimate{countOne(0) * static_cast<double>(source_.size), drawn};
        const bool pairs = evaluator_.evaluatesPairs();
        const long long sampled = std::min(source_.size, pairs ? kSampledSources : kCountedSources);
        double total = 0.0;
        long long contributing = 0;
        for (long long k = 0; k < sampled; ++k) {
            const long long i =
                k * (source_.size / sampled) + std::min(k, source_.size % sampled); // evenly spaced
            const auto made = pairs ? evaluatePairs(i) : std::optional<double>(countOne(i));
            if (!made)
                return std::nullopt;
            total += *made;
            contributing += *made > 0.0;
        }
        const double scale = static_cast<double>(source_.size) / static_cast<double>(sampled);
        const Kind kind = sampled == source_.size ? drawn : Kind::Sampled;
        return SynapseCountEstimate{
            total * scale, kind, static_cast<double>(contributing) / static_cast<double>(sampled)};
    }

private:
    /// Synapses of source i when no pair needs evaluating.
    double countOne(long long i) {
        if (!evaluator_.startSource(i))
            return 0.0;
        const CandidateBounds bounds = evaluator_.bounds();
        return evaluator_.expectedCandidates(bounds) * copiesOf(evaluator_.copies({}).at(0));
    }

    /// Synapses of source i, every candidate's condition and n evaluated
    /// (sample() then keeps its share of them on average).
    std::optional<double> evaluatePairs(long long i) {
        if (!evaluator_.startSource(i))
            return 0.0;
        const CandidateBounds bounds = evaluator_.bounds();
        const long long count = bounds.count();
        if (count > kMostCandidatesEvaluated)
            return std::nullopt;
        if (count == 0)
            return 0.0;
        const double share = evaluator_.expectedCandidates(bounds) / static_cast<double>(count);
        const auto targets =
            evaluator_.targetChances(rangeCandidates(bounds.low, bounds.high, bounds.step));
        if (!targets)
            return std::nullopt;
        const auto& [js, chances] = *targets;
        const Column copies = evaluator_.copies(js);
        double made = 0.0;
        for (size_t k = 0; k < js.size(); ++k)
            made += chances[k] * copiesOf(copies.at(k));
        return made * share;
    }

    const CheckedConnect& connect_;
    const GroupState& source_;
    RandomGenerator unused_; // never drawn from: estimates refuse expressions that draw
    ConnectEvaluator evaluator_;
};

} // namespace

std::optional<SynapseCountEstimate> estimateSynapseCount(const CheckedConnect& connect,
                                                         const GroupState& source,
                                                         const GroupState& target,
                                                         const Scope& scope) {
    try {
        return Estimator(connect, source, target, scope).run();
    } catch (const ModelError&) {
        return std::nullopt; // creating the synapses reports it, where it applies
    }
}

} // namespace spikestudio
