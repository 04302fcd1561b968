#include "model/LinkedSubexpression.h"

#include "diagnostics/ModelError.h"
#include "equations/EquationParser.h"
#include "equations/EquationSet.h"
#include "expr/ExprRewrite.h"

#include <algorithm>
#include <optional>
#include <set>

namespace spikestudio {

namespace {

/// The group named `name`, or the one holding the subgroup of that name.
const GroupSpec* groupHolding(const std::vector<GroupSpec>& groups, const std::string& name) {
    for (const GroupSpec& group : groups) {
        if (group.name == name)
            return &group;
        for (const SubgroupSpec& subgroup : group.subgroups)
            if (subgroup.name == name)
                return &group;
    }
    return nullptr;
}

std::optional<std::vector<Equation>> parsed(const GroupSpec& group) {
    try {
        return parseEquations(group.equations);
    } catch (const ModelError&) {
        return std::nullopt; // the group's own check reports it
    }
}

/// Expands every group's links, each group's once; a source's own linked
/// subexpressions are expanded before its subexpressions are read. A chain
/// of links that comes back to a group it passed expands nothing more (the
/// link checker refuses the cycle).
class Expander {
public:
    Expander(const std::vector<GroupSpec>& groups, const Scope& constants)
        : groups_(groups), constants_(constants) {}

    const std::vector<LinkedSubexpression>& of(const GroupSpec& group) {
        const auto known = done_.find(group.name);
        if (known != done_.end())
            return known->second;
        std::vector<LinkedSubexpression> expansions;
        if (inProgress_.insert(group.name).second) {
            try {
                for (size_t k = 0; k < group.links.size(); ++k)
                    if (auto expansion = expand(group, k))
                        expansions.push_back(std::move(*expansion));
            } catch (const ModelError& error) {
                refused_.emplace(group.name, error);
            }
            inProgress_.erase(group.name);
        }
        return done_[group.name] = std::move(expansions);
    }

    const std::map<std::string, ModelError>& refused() const { return refused_; }

private:
    /// The source's equations as its check will see them, or nothing when
    /// they do not pass.
    std::optional<EquationSet> equationsOf(const GroupSpec& source) {
        if (source.type != GroupType::NeuronGroup)
            return std::nullopt;
        auto equations = parsed(source);
        if (!equations)
            return std::nullopt;
        expandLinkedSubexpressions(*equations, of(source));
        try {
            const EquationContext context{EquationOwner::NeuronGroup, source.size,
                                          !source.refractory.empty()};
            return EquationSet::build(std::move(*equations), context, constants_);
        } catch (const ModelError&) {
            return std::nullopt;
        }
    }

    std::optional<LinkedSubexpression> expand(const GroupSpec& group, size_t k) {
        const LinkSpec& link = group.links[k];
        const GroupSpec* source = groupHolding(groups_, link.source);
        if (!source)
            return std::nullopt;
        const auto sourceEquations = equationsOf(*source);
        if (!sourceEquations)
            return std::nullopt;
        const Equation* subexpression = sourceEquations->find(link.sourceVariable);
        if (!subexpression || subexpression->kind != EquationKind::Subexpression ||
            subexpression->hasFlag("constant over dt"))
            return std::nullopt; // a stored variable: an ordinary link
        const auto own = parsed(group);
        if (!own)
            return std::nullopt;
        LinkedSubexpression expansion{link.variable, k, nullptr, {}};
        const ExprPtr expression = sourceEquations->substitutedExpression(*subexpression);
        expansion.expression = replaceNames(expression, [&](const std::string& name) -> ExprPtr {
            return renamed(group, k, *source, *sourceEquations, *own, name, expansion);
        });
        return expansion;
    }

    /// What `name`, read by the source's subexpression, becomes in `group`.
    ExprPtr renamed(const GroupSpec& group, size_t k, const GroupSpec& source,
                    const EquationSet& sourceEquations, const std::vector<Equation>& own,
                    const std::string& name, LinkedSubexpression& expansion) const {
        const LinkSpec& link = group.links[k];
        const auto refuse = [&](const std::string& why) {
            throw ModelError({group.name, "links[" + std::to_string(k) + "].source_variable", 0, 0},
                             "the subexpression '" + link.source + "." + link.sourceVariable +
                                 "' " + why);
        };
        if (const Equation* variable = sourceEquations.find(name)) {
            const std::string reader = "_" + link.variable + "__" + name;
            expansion.readers.push_back({reader, name, variable->unit});
            return makeName(reader);
        }
        if (name == "N")
            return makeNumber(static_cast<double>(source.size), true);
        if (name == "i") {
            const std::string reader = "_" + link.variable + "__i";
            expansion.readers.push_back(
                {reader, name, {Dimension::dimensionless(), ValueType::Integer}, true});
            return makeName(reader);
        }
        if (name == "lastspike" || name == "not_refractory")
            refuse("reads '" + name + "', which a link cannot carry over to '" + group.name + "'");
        if (name == "dt" && source.dt != group.dt)
            refuse("reads 'dt' of another clock than '" + group.name + "''s");
        for (const Equation& eq : own)
            if (eq.name == name)
                refuse("reads '" + name + "', which '" + group.name +
                       "' defines too: the name would mean its own variable there");
        return nullptr; // t, dt, a constant, a TimedArray: the same in both groups
    }

    const std::vector<GroupSpec>& groups_;
    const Scope& constants_;
    std::map<std::string, std::vector<LinkedSubexpression>> done_;
    std::map<std::string, ModelError> refused_;
    std::set<std::string> inProgress_;
};

} // namespace

LinkedSubexpressions findLinkedSubexpressions(const std::vector<GroupSpec>& groups,
                                              const Scope& constants) {
    Expander expander(groups, constants);
    LinkedSubexpressions found;
    for (const GroupSpec& group : groups)
        if (const auto& expansions = expander.of(group); !expansions.empty())
            found.byGroup[group.name] = expansions;
    found.refused = expander.refused();
    return found;
}

void expandLinkedSubexpressions(std::vector<Equation>& equations,
                                const std::vector<LinkedSubexpression>& expansions) {
    for (const LinkedSubexpression& expansion : expansions) {
        auto linked = std::find_if(equations.begin(), equations.end(), [&](const Equation& eq) {
            return eq.name == expansion.variable && eq.hasFlag("linked");
        });
        if (linked == equations.end())
            continue; // not a (linked) parameter: the link checker says so
        linked->kind = EquationKind::Subexpression;
        linked->expr = expansion.expression;
        linked->flags.clear();
        const TextPosition position = linked->position;
        for (const LinkedSubexpression::Reader& reader : expansion.readers) {
            Equation parameter;
            parameter.name = reader.name;
            parameter.unit = reader.unit;
            parameter.flags = {reader.sourceIndex ? "constant" : "linked"};
            parameter.position = position;
            parameter.generated = true;
            equations.push_back(std::move(parameter));
        }
    }
}

} // namespace spikestudio
