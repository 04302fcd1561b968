#include "engine/SynapseConnector.h"

#include "diagnostics/ModelError.h"
#include "engine/ConnectEvaluator.h"
#include "engine/SynapseCountEstimate.h"
#include "expr/ExprText.h"
#include "model/ConnectChecker.h"

#include <algorithm>
#include <cmath>
#include <string>

namespace spikestudio {

long long SynapseLimit::mostSynapses() const {
    long long most = kMostSynapses;
    if (budget) {
        const double affordable = std::floor(budget->remaining() / bytesPerSynapse);
        if (affordable < static_cast<double>(kMostSynapses))
            most = static_cast<long long>(affordable);
    }
    return std::max(0LL, most - existing);
}

namespace {

/// What going through one candidate takes: its value, its j, the condition's
/// column and a gathered postsynaptic variable (8 bytes each), and the kept j.
constexpr double kBytesPerCandidate = 40.0;

class Connector {
public:
    Connector(const CheckedConnect& connect, const GroupState& source, const GroupState& target,
              const Scope& scope, RandomGenerator& random, const SynapseLimit& limit)
        : connect_(connect), source_(source), target_(target), scope_(scope), limit_(limit),
          most_(limit.mostSynapses()), evaluator_(connect, source, target, scope, random),
          random_(random) {}

    SynapseIndices run() {
        prepareFor(estimateSynapseCount(connect_, source_, target_, scope_));
        if (connect_.form == ConnectSpec::Form::Arrays)
            return fromArrays();
        for (long long i = 0; i < source_.size; ++i)
            connectSource(i);
        return std::move(result_);
    }

private:
    /// Refuses at once what an estimate shows will not fit, and reserves what
    /// it expects (with six standard deviations to spare for p), so that the
    /// index arrays are not copied while growing (a peak of three times their size).
    void prepareFor(const std::optional<SynapseCountEstimate>& estimate) {
        if (!estimate)
            return;
        using Kind = SynapseCountEstimate::Kind;
        const double count = estimate->count;
        const double most = static_cast<double>(most_);
        const double margin = estimate->kind == Kind::Mean ? 6.0 * std::sqrt(count) : 0.0;
        const bool over = estimate->kind == Kind::Sampled
                              ? count > 2.0 * most && estimate->spread >= 0.5
                              : count - margin > most;
        if (over)
            refuse(count, (estimate->kind == Kind::Exact ? "" : "about ") + formatCount(count) +
                              " synapses");
        if (estimate->kind == Kind::Sampled)
            return;
        const double expected = estimate->kind == Kind::Exact ? count : count + margin + 1024.0;
        const auto reserved = static_cast<size_t>(std::min(expected, most));
        result_.pre.reserve(reserved);
        result_.post.reserve(reserved);
    }

    /// The estimate or the count so far is more than the limit allows.
    [[noreturn]] void refuse(double count, const std::string& what) const {
        if (limit_.budget && !limit_.budget->fits(count * limit_.bytesPerSynapse))
            limit_.budget->refuse(count * limit_.bytesPerSynapse, "", "connect", what);
        throw ModelError({"", "connect", 0, 0}, what + "; a Synapses object can hold at most " +
                                                    std::to_string(SynapseLimit::kMostSynapses) +
                                                    " (its spike queue numbers them in 32 bits)");
    }

    std::string synapsesSoFar(double count, long long i) const {
        return "more than " + formatCount(count) +
               " synapses (creating them stopped at source neuron " + std::to_string(i) + " of " +
               std::to_string(source_.size) + ")";
    }

    /// Makes room for `extra` more synapses from source i, or refuses.
    void expect(double extra, long long i) const {
        const double count = static_cast<double>(result_.pre.size()) + extra;
        if (count > static_cast<double>(most_))
            refuse(count, synapsesSoFar(static_cast<double>(most_), i));
    }

    /// Refuses a source whose candidates alone would not fit.
    void checkCandidates(const CandidateBounds& bounds, long long i) {
        if (!limit_.budget)
            return;
        const double candidates = evaluator_.heldCandidates(bounds) * 1.1 + 1024.0;
        const double bytes = candidates * kBytesPerCandidate;
        const double made = static_cast<double>(result_.pre.size());
        const double synapses = made * limit_.bytesPerSynapse;
        if (limit_.budget->fits(synapses + bytes))
            return;
        if (!limit_.budget->fits(bytes))
            limit_.budget->refuse(bytes, "", "connect",
                                  "going through the " + formatCount(candidates) +
                                      " candidates of range() or sample() for source neuron " +
                                      std::to_string(i));
        limit_.budget->refuse(synapses + bytes, "", "connect", synapsesSoFar(made, i));
    }

    void connectSource(long long i) {
        if (!evaluator_.startSource(i))
            return;
        const CandidateBounds bounds = evaluator_.bounds();
        checkCandidates(bounds, i);
        std::vector<double> ks = evaluator_.candidates(bounds);
        if (ks.empty())
            return;
        std::vector<double> kept = evaluator_.keptTargets(std::move(ks));
        if (connect_.skipIfInvalid)
            evaluator_.dropOutOfRange(kept);
        else
            evaluator_.checkRange(kept);
        addCopies(i, kept);
    }

    void addCopies(long long i, const std::vector<double>& kept) {
        if (evaluator_.alwaysOneCopy())
            return addOnce(i, kept);
        const Column copies = evaluator_.copies(kept);
        for (size_t k = 0; k < kept.size(); ++k)
            add(i, kept[k], copies.at(k));
    }

    /// One synapse from i to each of `js`, the common case, appended in bulk.
    void addOnce(long long i, const std::vector<double>& js) {
        expect(static_cast<double>(js.size()), i);
        result_.pre.insert(result_.pre.end(), js.size(), static_cast<std::int32_t>(i));
        const size_t first = result_.post.size();
        result_.post.resize(first + js.size());
        for (size_t k = 0; k < js.size(); ++k)
            result_.post[first + k] = static_cast<std::int32_t>(js[k]);
    }

    /// n synapses from i to j: n truncated as Brian2's integer n is, never negative.
    void add(long long i, double j, double copies) {
        checkSynapsesPerPair(copies,
                             " for the pair i=" + std::to_string(i) + ", j=" + formatNumber(j));
        expect(std::trunc(copies), i);
        const auto count = static_cast<long long>(copies);
        for (long long c = 0; c < count; ++c) {
            result_.pre.push_back(static_cast<std::int32_t>(i));
            result_.post.push_back(static_cast<std::int32_t>(j));
        }
    }

    /// The checker knows a group's size; synapses read or targeted (Brian2's
    /// synapses on synapses) are counted only once created, so their i or j
    /// is checked here.
    static void refuseOutside(const std::vector<long long>& indices, const GroupState& side,
                              const char* field, const char* role) {
        for (long long index : indices)
            if (index < 0 || index >= side.size)
                throw ModelError({"", field, 0, 0},
                                 std::string("the ") + role + " index " + std::to_string(index) +
                                     " is outside the range [0, " + std::to_string(side.size - 1) +
                                     "] of the " + std::to_string(side.size) +
                                     (side.ofSynapses ? " synapses" : " neurons") + " of '" +
                                     side.name + "'");
    }

    SynapseIndices fromArrays() {
        const size_t count = connect_.i.size();
        std::vector<bool> use(count, true);
        const double p = evaluator_.arrayProbability();
        if (p != 1.0)
            for (size_t k = 0; k < count; ++k)
                use[k] = random_.uniform() < p;
        refuseOutside(connect_.i, source_, "connect.i", "source");
        refuseOutside(connect_.j, target_, "connect.j", "target");
        const double copies = evaluator_.copies({}).at(0);
        for (size_t k = 0; k < count; ++k)
            if (use[k])
                add(connect_.i[k], static_cast<double>(connect_.j[k]), copies);
        return std::move(result_);
    }

    const CheckedConnect& connect_;
    const GroupState& source_;
    const GroupState& target_;
    const Scope& scope_;
    const SynapseLimit& limit_;
    long long most_;
    ConnectEvaluator evaluator_;
    RandomGenerator& random_;
    SynapseIndices result_;
};

} // namespace

SynapseIndices connectSynapses(const CheckedConnect& connect, const GroupState& source,
                               const GroupState& target, const Scope& scope,
                               RandomGenerator& random, const SynapseLimit& limit) {
    if (!connect.overPostsynaptic)
        return Connector(connect, source, target, scope, random, limit).run();
    // Brian2 runs a generator of i as the generator of j with the roles
    // swapped (the checker swapped its names): target by target, drawing in
    // that order, the synapses made in that order.
    SynapseIndices swapped = Connector(connect, target, source, scope, random, limit).run();
    std::swap(swapped.pre, swapped.post);
    return swapped;
}

} // namespace spikestudio
