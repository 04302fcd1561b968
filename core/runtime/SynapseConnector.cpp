#include "runtime/SynapseConnector.h"

#include "diagnostics/ModelError.h"
#include "expr/ExprRewrite.h"
#include "runtime/CandidateSampler.h"
#include "runtime/MemoryBudget.h"
#include "runtime/VectorEvaluator.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace spikestudio {

namespace {

/// Evaluates connect expressions for one source neuron i over a set of
/// candidates: i and x_pre are uniform, j and x_post are gathered per candidate.
class PairColumns {
public:
    PairColumns(const GroupState& source, const GroupState& target, const std::string& variable)
        : source_(source), target_(target), variable_(variable) {}

    void setSource(long long i) { i_ = i; }
    void setCandidates(const std::vector<double>* candidates, const std::vector<double>* j) {
        candidates_ = candidates;
        j_ = j;
    }

    /// Whether `name` can have another value for another source or target:
    /// i, j, the loop variable and the groups' variables.
    bool varies(const std::string& name) const {
        if (name == "i" || name == "j" || name == variable_)
            return true;
        return groupVariable(name, "_pre", source_) || groupVariable(name, "_post", target_) ||
               groupVariable(name, "", target_);
    }

    std::optional<Column> operator()(const std::string& name) const {
        if (name == "i")
            return Column::of(static_cast<double>(i_));
        if (name == variable_ && candidates_)
            return Column::of(*candidates_);
        if (name == "j" && j_)
            return Column::of(*j_);
        if (name == "N_pre")
            return Column::of(static_cast<double>(source_.size));
        if (name == "N_post")
            return Column::of(static_cast<double>(target_.size));
        if (auto value = groupVariable(name, "_pre", source_))
            return Column::of(value->at(static_cast<size_t>(i_)));
        if (j_) {
            const std::vector<double>* post = groupVariable(name, "_post", target_);
            if (!post)
                post = groupVariable(name, "", target_);
            if (post) {
                std::vector<double> gathered(j_->size());
                for (size_t k = 0; k < gathered.size(); ++k)
                    gathered[k] = (*post)[static_cast<size_t>((*j_)[k])];
                return Column::of(std::move(gathered));
            }
        }
        return std::nullopt;
    }

private:
    static const std::vector<double>*
    groupVariable(const std::string& name, const std::string& suffix, const GroupState& group) {
        if (!name.ends_with(suffix))
            return nullptr;
        const auto found = group.variables.find(name.substr(0, name.size() - suffix.size()));
        return found == group.variables.end() ? nullptr : &found->second;
    }

    const GroupState& source_;
    const GroupState& target_;
    std::string variable_;
    long long i_ = 0;
    const std::vector<double>* candidates_ = nullptr;
    const std::vector<double>* j_ = nullptr;
};

[[noreturn]] void outOfRange(double j, long long size) {
    throw ModelError({"", "connect", 0, 0}, "the connect rule produced the target index j=" +
                                                std::to_string(static_cast<long long>(j)) +
                                                " outside the allowed range from 0 to " +
                                                std::to_string(size - 1));
}

/// A connect expression evaluated for each source neuron, or only once when no
/// source or target can change its value: it reads none of their names and
/// draws no random numbers (so the random stream is the same either way).
struct PerSourceValue {
    ExprPtr expr;
    bool same = false;
    std::optional<double> value;
};

class Connector {
public:
    Connector(const CheckedConnect& connect, const GroupState& source, const GroupState& target,
              const Scope& scope, RandomGenerator& random)
        : connect_(connect), source_(source), target_(target), scope_(scope), random_(random),
          columns_(source, target, connect.variable), low_(perSource(connect.low)),
          high_(perSource(connect.high)), step_(perSource(connect.step)),
          size_(perSource(connect.size)), probability_(perSource(connect.probability)),
          sourceCondition_(perSource(connect.condition)), copies_(perSource(connect.multiplicity)),
          elementIsLoopVariable_(connect.element && connect.element->kind == ExprKind::Name &&
                                 connect.element->name == connect.variable) {}

    SynapseIndices run() {
        if (connect_.form == ConnectSpec::Form::Arrays)
            return fromArrays();
        reserveExpectedCount();
        for (long long i = 0; i < source_.size; ++i)
            connectSource(i);
        return std::move(result_);
    }

private:
    Column evaluate(const ExprPtr& expr, size_t size) {
        VectorEvaluator evaluator(scope_, size, std::cref(columns_), random_);
        return evaluator.evaluate(expr);
    }

    double scalar(const ExprPtr& expr) { return evaluate(expr, 1).at(0); }

    PerSourceValue perSource(const ExprPtr& expr) const {
        bool same = expr && !drawsRandomNumbers(expr);
        if (same)
            for (const std::string& name : collectNames(expr))
                same = same && !columns_.varies(name);
        return {expr, same, std::nullopt};
    }

    /// The value for the current source; an expression the same for all is evaluated once.
    double scalar(PerSourceValue& value) {
        if (!value.same)
            return scalar(value.expr);
        if (!value.value)
            value.value = scalar(value.expr);
        return *value.value;
    }

    std::vector<double> candidates() {
        const auto low = static_cast<long long>(scalar(low_));
        const auto high = static_cast<long long>(scalar(high_));
        const auto step = static_cast<long long>(scalar(step_));
        if (!connect_.sample)
            return rangeCandidates(low, high, step);
        if (connect_.size)
            return sampleBySize(low, high, step, static_cast<long long>(scalar(size_)), random_);
        return sampleByProbability(low, high, step, scalar(probability_), random_);
    }

    /// Reserves the synapses a sample(p=...) with the same bounds for every
    /// source is expected to make, with a margin of six standard deviations,
    /// so the index arrays are not copied while growing (a peak of twice their size).
    void reserveExpectedCount() {
        if (!connect_.sample || connect_.size || !low_.same || !high_.same || !step_.same ||
            !probability_.same || !copies_.same || source_.size == 0)
            return;
        const double p = std::clamp(scalar(probability_), 0.0, 1.0);
        const double copies = std::max(0.0, std::floor(scalar(copies_)));
        const auto step = static_cast<long long>(scalar(step_));
        if (p == 0.0 || copies == 0.0 || step == 0) // step 0 fails at the first source
            return;
        const auto candidates = candidateCount(static_cast<long long>(scalar(low_)),
                                               static_cast<long long>(scalar(high_)), step);
        const double trials = static_cast<double>(source_.size) * static_cast<double>(candidates);
        const double expected = trials * p + 6.0 * std::sqrt(trials * p * (1.0 - p)) + 1024.0;
        const double affordable = static_cast<double>(physicalMemoryBytes()) / 4.0 / 8.0;
        const double pairs = std::min(expected * copies, affordable);
        result_.pre.reserve(static_cast<size_t>(pairs));
        result_.post.reserve(static_cast<size_t>(pairs));
    }

    void connectSource(long long i) {
        columns_.setSource(i);
        columns_.setCandidates(nullptr, nullptr);
        if (connect_.condition && !connect_.conditionUsesJ && scalar(sourceCondition_) == 0.0)
            return;
        std::vector<double> ks = candidates();
        if (ks.empty())
            return;
        std::vector<double> kept = keptTargets(std::move(ks));
        checkRange(kept);
        addCopies(i, kept);
    }

    /// The element j of every candidate, then those the condition keeps.
    std::vector<double> keptTargets(std::vector<double> ks) {
        const bool perPair = connect_.condition && connect_.conditionUsesJ;
        std::vector<double> js;
        if (elementIsLoopVariable_) {
            js = perPair ? ks : std::move(ks);
        } else {
            columns_.setCandidates(&ks, nullptr);
            const Column element = evaluate(connect_.element, ks.size());
            js.resize(ks.size());
            for (size_t k = 0; k < ks.size(); ++k)
                js[k] = element.at(k);
        }
        if (!perPair)
            return js;
        if (connect_.conditionReadsTarget)
            checkRange(js);
        columns_.setCandidates(&ks, &js);
        const Column condition = evaluate(connect_.condition, ks.size());
        std::vector<double> kept;
        for (size_t k = 0; k < js.size(); ++k)
            if (condition.at(k) != 0.0)
                kept.push_back(js[k]);
        return kept;
    }

    void addCopies(long long i, const std::vector<double>& kept) {
        if (copies_.same && scalar(copies_) == 1.0)
            return addOnce(i, kept);
        if (copies_.same) {
            const double copies = scalar(copies_);
            for (double j : kept)
                add(i, j, copies);
            return;
        }
        columns_.setCandidates(nullptr, &kept);
        const Column copies = evaluate(connect_.multiplicity, kept.size());
        for (size_t k = 0; k < kept.size(); ++k)
            add(i, kept[k], copies.at(k));
    }

    void checkRange(const std::vector<double>& js) const {
        for (double j : js)
            if (j < 0 || j >= static_cast<double>(target_.size))
                outOfRange(j, target_.size);
    }

    /// One synapse from i to each of `js`, the common case, appended in bulk.
    void addOnce(long long i, const std::vector<double>& js) {
        result_.pre.insert(result_.pre.end(), js.size(), static_cast<std::int32_t>(i));
        const size_t first = result_.post.size();
        result_.post.resize(first + js.size());
        for (size_t k = 0; k < js.size(); ++k)
            result_.post[first + k] = static_cast<std::int32_t>(js[k]);
    }

    void add(long long i, double j, double copies) {
        for (long long c = 0; c < static_cast<long long>(copies); ++c) {
            result_.pre.push_back(static_cast<std::int32_t>(i));
            result_.post.push_back(static_cast<std::int32_t>(j));
        }
    }

    SynapseIndices fromArrays() {
        const size_t count = connect_.i.size();
        std::vector<bool> use(count, true);
        if (connect_.arrayProbability) {
            const double p = scalar(connect_.arrayProbability);
            if (p != 1.0)
                for (size_t k = 0; k < count; ++k)
                    use[k] = random_.uniform() < p;
        }
        const double copies = scalar(connect_.multiplicity);
        for (size_t k = 0; k < count; ++k)
            if (use[k])
                add(connect_.i[k], static_cast<double>(connect_.j[k]), copies);
        return std::move(result_);
    }

    const CheckedConnect& connect_;
    const GroupState& source_;
    const GroupState& target_;
    const Scope& scope_;
    RandomGenerator& random_;
    PairColumns columns_;
    PerSourceValue low_, high_, step_, size_, probability_, sourceCondition_, copies_;
    bool elementIsLoopVariable_;
    SynapseIndices result_;
};

} // namespace

SynapseIndices connectSynapses(const CheckedConnect& connect, const GroupState& source,
                               const GroupState& target, const Scope& scope,
                               RandomGenerator& random) {
    return Connector(connect, source, target, scope, random).run();
}

} // namespace spikestudio
