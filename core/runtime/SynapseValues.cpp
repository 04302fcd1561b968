#include "runtime/SynapseValues.h"

namespace spikestudio {

namespace {

std::vector<double> asDoubles(const std::vector<std::int32_t>& indices) {
    return std::vector<double>(indices.begin(), indices.end());
}

std::vector<double> gathered(const std::vector<double>& values,
                             const std::vector<std::int32_t>& indices) {
    std::vector<double> result(indices.size());
    for (size_t k = 0; k < indices.size(); ++k)
        result[k] = values[static_cast<size_t>(indices[k])];
    return result;
}

const std::vector<double>* groupVariable(const GroupState& group, const std::string& name,
                                         const std::string& suffix) {
    if (!name.ends_with(suffix))
        return nullptr;
    const auto found = group.variables.find(name.substr(0, name.size() - suffix.size()));
    return found == group.variables.end() ? nullptr : &found->second;
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
        if (const auto* pre = groupVariable(*synapses.source, name, "_pre"))
            return Column::of(gathered(*pre, synapses.pre));
        const auto* post = groupVariable(*synapses.target, name, "_post");
        if (!post)
            post = groupVariable(*synapses.target, name, "");
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
        std::vector<double>& target = synapses.variables.at(statement.target);
        for (size_t k = 0; k < target.size(); ++k)
            target[k] = column.at(k);
    }
}

void countSynapsesPerNeuron(SynapseState& synapses) {
    std::vector<double> incoming(static_cast<size_t>(synapses.target->size), 0.0);
    std::vector<double> outgoing(static_cast<size_t>(synapses.source->size), 0.0);
    for (size_t s = 0; s < synapses.pre.size(); ++s) {
        ++outgoing[static_cast<size_t>(synapses.pre[s])];
        ++incoming[static_cast<size_t>(synapses.post[s])];
    }
    synapses.variables["N_incoming"] = gathered(incoming, synapses.post);
    synapses.variables["N_outgoing"] = gathered(outgoing, synapses.pre);
}

} // namespace spikestudio
