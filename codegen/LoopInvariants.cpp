#include "codegen/LoopInvariants.h"

#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"

#include <algorithm>

namespace spikestudio {

bool LoopInvariants::isInvariant(const ExprPtr& expr) const {
    if (drawsRandomNumbers(expr))
        return false;
    for (const std::string& name : collectNames(expr))
        if (!isInvariantName_(name))
            return false;
    return true;
}

std::string LoopInvariants::nameFor(const ExprPtr& expr) {
    const std::string key = toText(expr);
    const auto found = std::find(keys_.begin(), keys_.end(), key);
    if (found != keys_.end())
        return hoisted_[static_cast<size_t>(found - keys_.begin())].first;
    std::string name = "_hoisted_" + std::to_string(hoisted_.size());
    keys_.push_back(key);
    hoisted_.emplace_back(name, expr);
    return name;
}

ExprPtr LoopInvariants::hoist(const ExprPtr& expr) {
    const bool isLeaf = expr->operands.empty();
    if (isLeaf)
        return expr;
    if (isInvariant(expr))
        return makeName(nameFor(expr), expr->position);
    auto copy = std::make_shared<Expr>(*expr);
    for (ExprPtr& operand : copy->operands)
        operand = hoist(operand);
    return copy;
}

} // namespace spikestudio
