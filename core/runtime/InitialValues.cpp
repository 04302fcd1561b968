#include "runtime/InitialValues.h"

#include "runtime/VectorEvaluator.h"

namespace spikestudio {

ColumnSource groupColumns(GroupState& group) {
    return [&group](const std::string& name) -> std::optional<Column> {
        if (name == "i") {
            std::vector<double> indices(static_cast<size_t>(group.size));
            for (size_t k = 0; k < indices.size(); ++k)
                indices[k] = static_cast<double>(k);
            return Column::of(std::move(indices));
        }
        if (name == "t")
            return Column::of(group.clock ? group.clock->t() : 0.0);
        if (name == "dt")
            return Column::of(group.clock ? group.clock->dt() : 0.0);
        const auto found = group.variables.find(name);
        if (found != group.variables.end())
            return Column::of(found->second);
        return std::nullopt;
    };
}

void applyInitialValues(const std::vector<Statement>& initial, const Scope& scope,
                        GroupState& group, RandomGenerator& random) {
    VectorEvaluator evaluator(scope, static_cast<size_t>(group.size), groupColumns(group), random);
    for (const Statement& statement : initial) {
        const Column column = evaluator.evaluate(statement.expandedValue());
        StateArray& target = group.variables.at(statement.target);
        for (size_t k = 0; k < target.size(); ++k)
            target[k] = column.at(k);
    }
}

} // namespace spikestudio
