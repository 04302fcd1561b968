#include "ModelEquality.h"

#include <tuple>

namespace spikestudio::fuzz {

namespace {

auto fields(const TimedArraySpec& s) {
    return std::tie(s.name, s.dt, s.unit, s.values, s.rows, s.columns);
}

auto fields(const BinomialFunctionSpec& s) {
    return std::tie(s.name, s.trials, s.probability, s.approximate);
}

auto fields(const GroupSpec& s) {
    return std::tie(s.name, s.type, s.size, s.equations, s.threshold, s.reset, s.refractory,
                    s.method, s.dt, s.initial, s.rates, s.spikeIndices, s.spikeTimes, s.period);
}

auto fields(const ConnectSpec& s) {
    return std::tie(s.form, s.condition, s.p, s.n, s.i, s.j, s.generator, s.skipIfInvalid);
}

auto fields(const PathwaySpec& s) {
    return std::tie(s.name, s.direction, s.code, s.delay, s.event);
}

auto fields(const SynapsesSpec& s) {
    return std::tie(s.name, s.source, s.target, s.model, s.onPre, s.onPost, s.delay, s.method, s.dt,
                    s.initial, s.multisynapticIndex);
}

auto fields(const PoissonInputSpec& s) {
    return std::tie(s.name, s.target, s.variable, s.count, s.rate, s.weight);
}

auto fields(const MonitorSpec& s) {
    return std::tie(s.name, s.type, s.source, s.variables, s.recordAll, s.record, s.dt);
}

template <typename Spec> bool same(const Spec& a, const Spec& b) {
    return fields(a) == fields(b);
}

bool samePathways(const SynapsesSpec& a, const SynapsesSpec& b) {
    if (a.pathways.size() != b.pathways.size())
        return false;
    for (size_t k = 0; k < a.pathways.size(); ++k)
        if (fields(a.pathways[k]) != fields(b.pathways[k]))
            return false;
    return true;
}

bool same(const SynapsesSpec& a, const SynapsesSpec& b);

template <typename Spec> bool sameList(const std::vector<Spec>& a, const std::vector<Spec>& b) {
    if (a.size() != b.size())
        return false;
    for (size_t k = 0; k < a.size(); ++k)
        if (!same(a[k], b[k]))
            return false;
    return true;
}

bool same(const SynapsesSpec& a, const SynapsesSpec& b) {
    return fields(a) == fields(b) && same(a.connect, b.connect) &&
           sameList(a.laterConnects, b.laterConnects) && samePathways(a, b);
}

} // namespace

bool sameModel(const Model& a, const Model& b) {
    return std::tie(a.name, a.description, a.dt, a.duration, a.seed, a.constants) ==
               std::tie(b.name, b.description, b.dt, b.duration, b.seed, b.constants) &&
           sameList(a.timedArrays, b.timedArrays) &&
           sameList(a.binomialFunctions, b.binomialFunctions) && sameList(a.groups, b.groups) &&
           sameList(a.poissonInputs, b.poissonInputs) && sameList(a.synapses, b.synapses) &&
           sameList(a.monitors, b.monitors);
}

} // namespace spikestudio::fuzz
