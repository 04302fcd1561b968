#pragma once

#include "expr/Expr.h"

#include <functional>
#include <string>
#include <vector>

namespace spikestudio {

/// Lifts the parts of per-element expressions that are the same for every
/// element (such as exp(-dt/taum)) out of the loop, Brian2's loop-invariant
/// optimisation: each becomes a name `_hoisted_K` computed once per kernel call.
class LoopInvariants {
public:
    /// `isInvariantName` says which names hold the same value for all elements.
    explicit LoopInvariants(std::function<bool(const std::string&)> isInvariantName)
        : isInvariantName_(std::move(isInvariantName)) {}

    /// `expr` with its maximal invariant, non-trivial subtrees replaced.
    ExprPtr hoist(const ExprPtr& expr);

    /// The hoisted expressions, in the order their names were given out.
    const std::vector<std::pair<std::string, ExprPtr>>& hoisted() const { return hoisted_; }

    bool isInvariant(const ExprPtr& expr) const;

private:
    std::string nameFor(const ExprPtr& expr);

    std::function<bool(const std::string&)> isInvariantName_;
    std::vector<std::pair<std::string, ExprPtr>> hoisted_;
    std::vector<std::string> keys_; // canonical text of each hoisted expression
};

} // namespace spikestudio
