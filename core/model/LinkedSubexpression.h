#pragma once

#include "diagnostics/ModelError.h"
#include "equations/Equation.h"
#include "expr/Scope.h"
#include "model/Model.h"

#include <map>
#include <string>
#include <vector>

namespace spikestudio {

/// A linked variable that reads a subexpression of its source (Brian2's
/// `G2.I_l = linked_var(G.I)`), expanded as Brian2's add_referred_subexpression
/// does it: the variable becomes a subexpression of its own group, the
/// source's expression (its own subexpressions substituted) with each
/// variable of the source renamed `_I_l_v` and read through a link of its
/// own: the same source, the same element for each neuron.
struct LinkedSubexpression {
    struct Reader {
        std::string name;           // `_I_l__v`: a generated (linked) parameter
        std::string sourceVariable; // `v`, of the link's source
        UnitDeclaration unit;       // v's
        /// Reads the source's `i`: a generated constant parameter holding,
        /// for each neuron, the source element its link reads.
        bool sourceIndex = false;
    };
    std::string variable; // `I_l`
    size_t link = 0;      // its entry in the group's `links`
    ExprPtr expression;   // in the renamed readers, constants and t
    std::vector<Reader> readers;
};

/// The links of a model's groups that read a subexpression.
struct LinkedSubexpressions {
    /// Per group name, its links that can be expanded. A link whose source
    /// or subexpression cannot be read (an unknown group, equations that
    /// fail their own check) is left out: the link checker and the source's
    /// own check report it.
    std::map<std::string, std::vector<LinkedSubexpression>> byGroup;
    /// Per group name, why a link of it cannot be expanded (naming the
    /// link's field): a subexpression reading `lastspike` or `not_refractory`,
    /// `dt` of another clock, or a name the linking group defines itself.
    std::map<std::string, ModelError> refused;
};

LinkedSubexpressions findLinkedSubexpressions(const std::vector<GroupSpec>& groups,
                                              const Scope& constants);

/// `equations` with each expanded linked variable turned into its
/// subexpression and its readers appended, marked generated: (linked)
/// parameters, and a constant integer one for a reader of `i`.
void expandLinkedSubexpressions(std::vector<Equation>& equations,
                                const std::vector<LinkedSubexpression>& expansions);

} // namespace spikestudio
