#pragma once

#include "expr/ElementAssignment.h"
#include "expr/Scope.h"
#include "model/AssignmentSpec.h"

#include <functional>
#include <string>

namespace spikestudio {

/// What checking the assignments of one group or Synapses object needs to
/// know about it.
struct AssignmentOwner {
    std::string object;
    std::string elements;         // "neurons", "synapses": in messages
    const Scope* scope = nullptr; // the object's names
    long long size = 0;           // elements; 0 when only known at the run (synapses)
    long long sourceSize = 0;     // synapses: the range of `pre`
    long long targetSize = 0;     // synapses: the range of `post`
    /// Throws ModelError when `variable` cannot be set before the run.
    std::function<void(const std::string& variable)> requireWritable;
    /// The symbol a (writable) variable assigns to, when it is not a name of
    /// `scope` (a pathway's `up.delay`); unset: looked up in `scope`.
    std::function<Symbol(const std::string& variable)> targetSymbol;
    /// Substitutes subexpressions (the object's, and for synapses its groups').
    std::function<ExprPtr(const ExprPtr&)> resolve;
};

/// Checks entry `position` of `initial` in its list form: the variable, the
/// value (an expression with the variable's unit, or numbers in `unit`, as
/// many as elements selected), the indices (in range) and the condition (a
/// boolean). Throws ModelError naming `initial[position]` and its field.
ElementAssignment checkAssignment(const AssignmentSpec& spec, size_t position,
                                  const AssignmentOwner& owner);

/// The same for an assignment found at `field` (`protocol[1].set[0]`).
ElementAssignment checkAssignment(const AssignmentSpec& spec, const std::string& field,
                                  const AssignmentOwner& owner);

} // namespace spikestudio
