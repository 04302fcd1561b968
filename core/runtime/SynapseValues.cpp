#include "runtime/SynapseValues.h"

#include <span>
#include <stdexcept>
#include <utility>

namespace spikestudio {

namespace {

std::vector<double> asDoubles(const std::vector<std::int32_t>& indices) {
    return std::vector<double>(indices.begin(), indices.end());
}

std::vector<double> gathered(std::span<const double> values,
                             const std::vector<std::int32_t>& indices) {
    std::vector<double> result(indices.size());
    for (size_t k = 0; k < indices.size(); ++k)
        result[k] = values[static_cast<size_t>(indices[k])];
    return result;
}

/// How many of `indices` name each of `neurons` neurons.
std::vector<double> synapsesPerNeuron(const std::vector<std::int32_t>& indices, long long neurons) {
    std::vector<double> counts(static_cast<size_t>(neurons), 0.0);
    for (std::int32_t index : indices)
        ++counts[static_cast<size_t>(index)];
    return counts;
}

/// The indices N_incoming (post) or N_outgoing (pre) counts, with their group's size.
std::pair<const std::vector<std::int32_t>*, long long> countedSide(const SynapseState& synapses,
                                                                   const std::string& name) {
    if (name == "N_incoming")
        return {&synapses.post, synapses.target->size};
    if (name == "N_outgoing")
        return {&synapses.pre, synapses.source->size};
    return {nullptr, 0};
}

} // namespace

ColumnSource synapseColumns(const SynapseState& synapses) {
    return [&synapses](const std::string& name) -> std::optional<Column> {
        if (name == "i")
            return Column::of(asDoubles(synapses.pre));
        if (name == "j")
            return Column::of(asDoubles(synapses.post));
        if (name == "N")
            return Column::of(static_cast<double>(synapses.size()));
        if (name == "N_pre")
            return Column::of(static_cast<double>(synapses.source->size));
        if (name == "N_post")
            return Column::of(static_cast<double>(synapses.target->size));
        const auto own = synapses.variables.find(name);
        if (own != synapses.variables.end())
            return Column::of(own->second);
        if (name == "delay" && synapses.uniformDelay)
            return Column::of(*synapses.uniformDelay);
        if (const auto [indices, neurons] = countedSide(synapses, name); indices)
            return Column::of(gathered(synapsesPerNeuron(*indices, neurons), *indices));
        if (const auto* pre = synapses.source->suffixedVariable(name, "_pre"))
            return Column::of(gathered(*pre, synapses.pre));
        const auto* post = synapses.target->suffixedVariable(name, "_post");
        if (!post)
            post = synapses.target->suffixedVariable(name, "");
        if (post)
            return Column::of(gathered(*post, synapses.post));
        return std::nullopt;
    };
}

Column evaluatePerSynapse(const ExprPtr& expr, const Scope& scope, const SynapseState& synapses,
                          RandomGenerator& random) {
    VectorEvaluator evaluator(scope, static_cast<size_t>(synapses.size()), synapseColumns(synapses),
                              random);
    return evaluator.evaluate(expr);
}

void applySynapseInitialValues(const std::vector<Statement>& initial, const Scope& scope,
                               SynapseState& synapses, RandomGenerator& random) {
    for (const Statement& statement : initial) {
        const Column column =
            evaluatePerSynapse(statement.expandedValue(), scope, synapses, random);
        StateArray& target = synapses.variables.at(statement.target);
        for (size_t k = 0; k < target.size(); ++k)
            target[k] = column.at(k);
    }
}

std::vector<double>& countsPerNeuron(SynapseState& synapses, const std::string& name) {
    const auto found = synapses.countsPerNeuron.find(name);
    if (found != synapses.countsPerNeuron.end())
        return found->second;
    const auto [indices, neurons] = countedSide(synapses, name);
    if (!indices)
        throw std::out_of_range("'" + name + "' is not counted per neuron");
    return synapses.countsPerNeuron[name] = synapsesPerNeuron(*indices, neurons);
}

StateArray& perSynapseArray(SynapseState& synapses, const std::string& name) {
    const auto found = synapses.variables.find(name);
    if (found != synapses.variables.end())
        return found->second;
    if (name == "delay" && synapses.uniformDelay)
        return synapses.variables[name] =
                   StateArray(static_cast<size_t>(synapses.size()), *synapses.uniformDelay);
    return synapses.variables.at(name); // throws std::out_of_range
}

} // namespace spikestudio
