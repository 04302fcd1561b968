#include "runtime/SynapseConnector.h"

#include "diagnostics/ModelError.h"
#include "runtime/CandidateSampler.h"
#include "runtime/VectorEvaluator.h"

#include <cmath>

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

class Connector {
public:
    Connector(const CheckedConnect& connect, const GroupState& source, const GroupState& target,
              const Scope& scope, RandomGenerator& random)
        : connect_(connect), source_(source), target_(target), scope_(scope), random_(random),
          columns_(source, target, connect.variable) {}

    SynapseIndices run() {
        if (connect_.form == ConnectSpec::Form::Arrays)
            return fromArrays();
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

    std::vector<double> candidates() {
        const auto low = static_cast<long long>(scalar(connect_.low));
        const auto high = static_cast<long long>(scalar(connect_.high));
        const auto step = static_cast<long long>(scalar(connect_.step));
        if (!connect_.sample)
            return rangeCandidates(low, high, step);
        if (connect_.size)
            return sampleBySize(low, high, step, static_cast<long long>(scalar(connect_.size)),
                                random_);
        return sampleByProbability(low, high, step, scalar(connect_.probability), random_);
    }

    void connectSource(long long i) {
        columns_.setSource(i);
        columns_.setCandidates(nullptr, nullptr);
        if (connect_.condition && !connect_.conditionUsesJ && scalar(connect_.condition) == 0.0)
            return;
        const std::vector<double> ks = candidates();
        if (ks.empty())
            return;
        columns_.setCandidates(&ks, nullptr);
        const Column element = evaluate(connect_.element, ks.size());
        std::vector<double> js(ks.size());
        for (size_t k = 0; k < ks.size(); ++k)
            js[k] = element.at(k);
        std::vector<double> kept;
        if (connect_.condition && connect_.conditionUsesJ) {
            if (connect_.conditionReadsTarget)
                checkRange(js);
            columns_.setCandidates(&ks, &js);
            const Column condition = evaluate(connect_.condition, ks.size());
            for (size_t k = 0; k < js.size(); ++k)
                if (condition.at(k) != 0.0)
                    kept.push_back(js[k]);
        } else {
            kept = std::move(js);
        }
        checkRange(kept);
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
    SynapseIndices result_;
};

} // namespace

SynapseIndices connectSynapses(const CheckedConnect& connect, const GroupState& source,
                               const GroupState& target, const Scope& scope,
                               RandomGenerator& random) {
    return Connector(connect, source, target, scope, random).run();
}

} // namespace spikestudio
