#include "engine/ConnectEvaluator.h"

#include "diagnostics/ModelError.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "runtime/CandidateSampler.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

namespace {

/// Beyond 2^53 doubles skip integers: candidates would be silently wrong.
constexpr double kTwoTo53 = 9007199254740992.0;

/// A generator of i runs with the roles swapped: its candidates are sources.
[[noreturn]] void outOfRange(double index, long long size, bool overPostsynaptic) {
    throw ModelError({"", "connect", 0, 0},
                     std::string("the connect rule produced the ") +
                         (overPostsynaptic ? "source index i=" : "target index j=") +
                         formatNumber(index) + " outside the allowed range from 0 to " +
                         std::to_string(size - 1));
}

/// A condition `rand() < P` or `C and rand() < P`, split into C (or null) and P.
struct DrawnCondition {
    ExprPtr condition;
    ExprPtr probability;
};

std::optional<DrawnCondition> splitDraw(const ExprPtr& e) {
    const auto draw = [](const ExprPtr& x) -> ExprPtr {
        if (x->kind != ExprKind::Compare || x->compareOp() != CompareOp::Less)
            return nullptr;
        const ExprPtr& left = x->operands[0];
        const bool rand = left->kind == ExprKind::Call && left->name == "rand";
        return rand && !drawsRandomNumbers(x->operands[1]) ? x->operands[1] : nullptr;
    };
    if (ExprPtr p = draw(e))
        return DrawnCondition{nullptr, p};
    if (e->kind == ExprKind::Logical && e->logicalOp() == LogicalOp::And &&
        !drawsRandomNumbers(e->operands[0]))
        if (ExprPtr p = draw(e->operands[1]))
            return DrawnCondition{e->operands[0], p};
    return std::nullopt;
}

} // namespace

long long CandidateBounds::count() const {
    return candidateCount(low, high, step);
}

ConnectEvaluator::ConnectEvaluator(const CheckedConnect& connect, const GroupState& source,
                                   const GroupState& target, const Scope& scope,
                                   RandomGenerator& random)
    : connect_(connect), target_(target), scope_(scope), random_(random),
      columns_(source, target, connect.variable), low_(perSource(connect.low)),
      high_(perSource(connect.high)), step_(perSource(connect.step)),
      size_(perSource(connect.size)), probability_(perSource(connect.probability)),
      sourceCondition_(perSource(connect.condition)), copies_(perSource(connect.multiplicity)),
      elementIsLoopVariable_(connect.element && connect.element->kind == ExprKind::Name &&
                             connect.element->name == connect.variable) {}

Column ConnectEvaluator::evaluate(const ExprPtr& expr, size_t size) {
    VectorEvaluator evaluator(scope_, size, std::cref(columns_), random_);
    return evaluator.evaluate(expr);
}

ConnectEvaluator::PerSourceValue ConnectEvaluator::perSource(const ExprPtr& expr) const {
    bool same = expr && !drawsRandomNumbers(expr);
    if (same)
        for (const std::string& name : collectNames(expr))
            same = same && !columns_.varies(name);
    return {expr, same, std::nullopt};
}

double ConnectEvaluator::scalar(PerSourceValue& value) {
    if (!value.same)
        return scalar(value.expr);
    if (!value.value)
        value.value = scalar(value.expr);
    return *value.value;
}

long long ConnectEvaluator::wholeNumber(PerSourceValue& value, const char* what) {
    const double number = scalar(value);
    if (!(std::fabs(number) <= kTwoTo53))
        throw ModelError({"", "connect", 0, 0},
                         std::string("the ") + what +
                             " of range() or sample() must be a number from -2^53 to 2^53 (so "
                             "that every candidate is exact), got " +
                             formatNumber(number));
    return static_cast<long long>(number); // truncated, as Brian2's integer variables do
}

bool ConnectEvaluator::startSource(long long i) {
    columns_.setSource(i);
    columns_.setCandidates(nullptr, nullptr);
    return !connect_.condition || connect_.conditionUsesJ || scalar(sourceCondition_) != 0.0;
}

CandidateBounds ConnectEvaluator::bounds() {
    CandidateBounds result;
    result.low = wholeNumber(low_, "start");
    result.high = wholeNumber(high_, "stop");
    result.step = wholeNumber(step_, "step");
    return result;
}

double ConnectEvaluator::probability() {
    return std::clamp(scalar(probability_), 0.0, 1.0);
}

double ConnectEvaluator::expectedCandidates(const CandidateBounds& bounds) {
    const auto count = static_cast<double>(bounds.count());
    if (!connect_.sample || count == 0.0)
        return count;
    if (connect_.size)
        return std::clamp(static_cast<double>(wholeNumber(size_, "size")), 0.0, count);
    return count * probability();
}

double ConnectEvaluator::heldCandidates(const CandidateBounds& bounds) {
    if (connect_.sample && connect_.size)
        return static_cast<double>(bounds.count());
    return expectedCandidates(bounds);
}

std::vector<double> ConnectEvaluator::candidates(const CandidateBounds& bounds) {
    if (!connect_.sample)
        return rangeCandidates(bounds.low, bounds.high, bounds.step);
    if (connect_.size) {
        long long size = wholeNumber(size_, "size");
        if (connect_.skipIfInvalid) { // Brian2: no synapses, or the whole population
            if (size < 0)
                return {};
            size = std::min(size, bounds.count());
        }
        return sampleBySize(bounds.low, bounds.high, bounds.step, size, random_);
    }
    return sampleByProbability(bounds.low, bounds.high, bounds.step, scalar(probability_), random_);
}

std::vector<double> ConnectEvaluator::keptTargets(std::vector<double> ks) {
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
    if (connect_.conditionReadsTarget && connect_.skipIfInvalid)
        dropOutOfRange(ks, js); // Brian2 skips them before the condition reads the target
    else if (connect_.conditionReadsTarget)
        checkRange(js);
    columns_.setCandidates(&ks, &js);
    const Column condition = evaluate(connect_.condition, ks.size());
    std::vector<double> kept;
    for (size_t k = 0; k < js.size(); ++k)
        if (condition.at(k) != 0.0)
            kept.push_back(js[k]);
    return kept;
}

std::optional<std::pair<std::vector<double>, std::vector<double>>>
ConnectEvaluator::targetChances(const std::vector<double>& ks) {
    std::vector<double> js = ks;
    if (!elementIsLoopVariable_) {
        columns_.setCandidates(&ks, nullptr);
        const Column element = evaluate(connect_.element, ks.size());
        for (size_t k = 0; k < ks.size(); ++k)
            js[k] = element.at(k);
    }
    std::vector<double> chances(ks.size(), 1.0);
    if (!connect_.condition || !connect_.conditionUsesJ)
        return std::make_pair(std::move(js), std::move(chances));
    const std::optional<DrawnCondition> drawn = drawsRandomNumbers(connect_.condition)
                                                    ? splitDraw(connect_.condition)
                                                    : DrawnCondition{connect_.condition, nullptr};
    if (!drawn)
        return std::nullopt;
    if (connect_.conditionReadsTarget)
        checkRange(js);
    columns_.setCandidates(&ks, &js);
    if (drawn->condition) {
        const Column kept = evaluate(drawn->condition, ks.size());
        for (size_t k = 0; k < ks.size(); ++k)
            chances[k] = kept.at(k) != 0.0 ? 1.0 : 0.0;
    }
    if (drawn->probability) {
        const Column p = evaluate(drawn->probability, ks.size());
        for (size_t k = 0; k < ks.size(); ++k)
            chances[k] *= std::isfinite(p.at(k)) ? std::clamp(p.at(k), 0.0, 1.0) : 0.0;
    }
    return std::make_pair(std::move(js), std::move(chances));
}

void ConnectEvaluator::checkRange(const std::vector<double>& js) const {
    for (double j : js)
        if (!inRange(j))
            outOfRange(j, target_.size, connect_.overPostsynaptic);
}

bool ConnectEvaluator::inRange(double j) const {
    return j >= 0 && j < static_cast<double>(target_.size);
}

void ConnectEvaluator::dropOutOfRange(std::vector<double>& js) const {
    std::erase_if(js, [this](double j) { return !inRange(j); });
}

void ConnectEvaluator::dropOutOfRange(std::vector<double>& ks, std::vector<double>& js) const {
    size_t kept = 0;
    for (size_t k = 0; k < js.size(); ++k)
        if (inRange(js[k])) {
            ks[kept] = ks[k];
            js[kept++] = js[k];
        }
    ks.resize(kept);
    js.resize(kept);
}

Column ConnectEvaluator::copies(const std::vector<double>& kept) {
    if (copies_.same)
        return Column::of(scalar(copies_));
    columns_.setCandidates(nullptr, &kept);
    return evaluate(connect_.multiplicity, kept.size());
}

double ConnectEvaluator::arrayProbability() {
    return connect_.arrayProbability ? scalar(connect_.arrayProbability) : 1.0;
}

bool ConnectEvaluator::alwaysOneCopy() {
    return copies_.same && scalar(copies_) == 1.0;
}

bool ConnectEvaluator::evaluatesPairs() const {
    return (connect_.condition && connect_.conditionUsesJ) || !copies_.same;
}

bool ConnectEvaluator::drawsOtherRandomNumbers() const {
    for (const ExprPtr& expr : {connect_.low, connect_.high, connect_.step, connect_.size,
                                connect_.probability, connect_.multiplicity, connect_.element})
        if (expr && drawsRandomNumbers(expr))
            return true;
    return conditionDraws() && (!connect_.conditionUsesJ || !splitDraw(connect_.condition));
}

bool ConnectEvaluator::conditionDraws() const {
    return connect_.condition && drawsRandomNumbers(connect_.condition);
}

bool ConnectEvaluator::sameForEverySource() const {
    const auto same = [](const PerSourceValue& value) { return !value.expr || value.same; };
    return !connect_.condition && same(low_) && same(high_) && same(step_) && same(size_) &&
           same(probability_) && same(copies_);
}

} // namespace spikestudio
