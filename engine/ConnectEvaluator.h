#pragma once

#include "model/CheckedModel.h"
#include "runtime/GroupState.h"
#include "runtime/PairColumns.h"
#include "runtime/RandomGenerator.h"
#include "runtime/VectorEvaluator.h"

#include <optional>
#include <utility>
#include <vector>

namespace spikestudio {

/// range(low, high, step) or sample()'s population for one source neuron.
struct CandidateBounds {
    long long low = 0;
    long long high = 0;
    long long step = 1;

    /// Python's rules: none for a negative span. Throws ModelError for a step of 0.
    long long count() const;
};

/// Evaluates a checked connect rule for one source neuron at a time, the way
/// Brian2's numpy target does and drawing the same random numbers: whether the
/// source takes part, its candidates, the element j of each, the condition
/// and n. An expression that no source or target can change (it reads none of
/// their names and draws no random numbers) is evaluated only once.
class ConnectEvaluator {
public:
    ConnectEvaluator(const CheckedConnect& connect, const GroupState& source,
                     const GroupState& target, const Scope& scope, RandomGenerator& random);

    /// Moves to source neuron i; false when a condition that reads only i rejects it.
    bool startSource(long long i);
    /// The bounds of range() or sample() for this source: whole numbers within
    /// ±2^53, so every candidate is exact (else ModelError, field connect).
    CandidateBounds bounds();
    /// How many candidates `candidates` makes for this source: all of range(),
    /// sample()'s size, or p times the population (on average).
    double expectedCandidates(const CandidateBounds& bounds);
    /// How many candidates `candidates` holds in memory while it draws them:
    /// sample(size=) shuffles the whole population.
    double heldCandidates(const CandidateBounds& bounds);
    /// The candidates of this source: all of range(), or sample()'s draws.
    std::vector<double> candidates(const CandidateBounds& bounds);
    /// The element j of every candidate, then those the condition keeps (j is
    /// range-checked before a condition reads the target).
    std::vector<double> keptTargets(std::vector<double> candidates);
    /// For an estimate, without drawing: the element j of every candidate and
    /// the chance the condition keeps it (0 or 1, or C times P for `rand() < P`
    /// and `C and rand() < P`, what a `p` that reads j becomes). Nothing when
    /// the condition draws random numbers in another way.
    std::optional<std::pair<std::vector<double>, std::vector<double>>>
    targetChances(const std::vector<double>& candidates);
    /// Refuses a j outside the target group (ModelError, field connect).
    void checkRange(const std::vector<double>& js) const;
    /// Leaves out every j outside the target group (skip_if_invalid).
    void dropOutOfRange(std::vector<double>& js) const;
    /// n for each kept pair of this source (one value when it is the same for all).
    Column copies(const std::vector<double>& kept);

    /// With `i` and `j` arrays: the chance each pair is made (1 without p).
    double arrayProbability();

    /// Whether n is 1 for every pair of every source.
    bool alwaysOneCopy();
    /// Whether each candidate needs its own evaluation (a condition or n reading j).
    bool evaluatesPairs() const;
    /// Whether anything but sample()'s own draws takes random numbers: the
    /// count of synapses cannot then be known without drawing them.
    bool drawsOtherRandomNumbers() const;
    /// Whether the condition draws random numbers (`rand() < P`).
    bool conditionDraws() const;
    /// Whether every source gets the same bounds, p, size, n and no source condition.
    bool sameForEverySource() const;
    bool samples() const { return connect_.sample; }
    bool sampleHasSize() const { return static_cast<bool>(connect_.size); }

private:
    struct PerSourceValue {
        ExprPtr expr;
        bool same = false;
        std::optional<double> value;
    };

    Column evaluate(const ExprPtr& expr, size_t size);
    bool inRange(double j) const;
    /// Leaves out the candidates (ks) whose j is outside the target group.
    void dropOutOfRange(std::vector<double>& ks, std::vector<double>& js) const;
    double scalar(const ExprPtr& expr) { return evaluate(expr, 1).at(0); }
    double scalar(PerSourceValue& value);
    PerSourceValue perSource(const ExprPtr& expr) const;
    long long wholeNumber(PerSourceValue& value, const char* what);
    double probability();

    const CheckedConnect& connect_;
    const GroupState& target_;
    const Scope& scope_;
    RandomGenerator& random_;
    PairColumns columns_;
    PerSourceValue low_, high_, step_, size_, probability_, sourceCondition_, copies_;
    bool elementIsLoopVariable_;
};

} // namespace spikestudio
