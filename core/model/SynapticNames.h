#pragma once

#include "model/CheckedModel.h"

#include <map>
#include <optional>
#include <string>

namespace spikestudio {

/// A name in synaptic code that stands for a variable of the source or target group.
struct GroupVariableRef {
    SynapseSide side = SynapseSide::Post;
    std::string variable;
};

/// How names resolve in a Synapses object's code, as in Brian2: its own
/// variables first, then `x_pre` (source), `x_post` and bare `x` (target),
/// `i` and `j` (pre- and postsynaptic index), then the model's constants.
class SynapticNames {
public:
    /// N_pre and N_post are the sizes of the source and target as the
    /// synapses see them: a subgroup's size when they name a subgroup.
    SynapticNames(const CheckedGroup& source, const CheckedGroup& target, long long sourceSize,
                  long long targetSize)
        : source_(source), target_(target), sourceSize_(sourceSize), targetSize_(targetSize) {}

    /// The scope under the synapses' own variables: group variables, special
    /// names (i, j, N_pre, N_post, N_incoming, N_outgoing, delay, lastupdate), constants.
    std::unique_ptr<Scope> outerScope(const Scope& constants, bool eventDriven) const;

    /// `x_pre` -> source's x; `x_post` or a bare `x` that the synapses do not
    /// define -> target's x. Nothing for other names.
    std::optional<GroupVariableRef> resolve(const std::string& name, const EquationSet& own) const;

    /// `expr` with every group subexpression it reads (`I_post`) replaced by its
    /// definition, written in synaptic names.
    ExprPtr substituteGroupSubexpressions(const ExprPtr& expr, const EquationSet& own) const;

    const CheckedGroup& group(SynapseSide side) const {
        return side == SynapseSide::Pre ? source_ : target_;
    }

private:
    const CheckedGroup& source_;
    const CheckedGroup& target_;
    long long sourceSize_;
    long long targetSize_;
    // Each group subexpression in synaptic names, built once and shared by all
    // code that reads it, so that many statements cost no more than one.
    mutable std::map<std::string, ExprPtr> renamed_;
};

/// The names of a group that synaptic code may read: its equations and
/// refractoriness variables (not t, dt, i, N).
bool isGroupVariable(const CheckedGroup& group, const std::string& name);

} // namespace spikestudio
