#pragma once

#include "ShapeIds.h"
#include "expr/Expr.h"

#include <functional>
#include <map>
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

    /// `expr` with its maximal invariant, non-trivial subtrees replaced; equal
    /// trees get one name. Walks each distinct node once, without recursion.
    ExprPtr hoist(const ExprPtr& expr);

    /// The hoisted expressions, in the order their names were given out.
    const std::vector<std::pair<std::string, ExprPtr>>& hoisted() const { return hoisted_; }

    /// True when `expr` draws no random numbers and reads invariant names only.
    bool isInvariant(const ExprPtr& expr) const;
    bool isInvariantName(const std::string& name) const { return isInvariantName_(name); }

private:
    std::string nameFor(const ExprPtr& expr, int shape);

    std::function<bool(const std::string&)> isInvariantName_;
    std::vector<std::pair<std::string, ExprPtr>> hoisted_;
    ShapeIds shapes_;
    std::map<int, std::string> names_; // shape id -> the name its tree was hoisted as
};

} // namespace spikestudio
