#include "codegen/LoopInvariants.h"

#include "expr/ExprRewrite.h"
#include "expr/ExprWalk.h"

#include <unordered_map>

namespace spikestudio {

bool LoopInvariants::isInvariant(const ExprPtr& expr) const {
    if (drawsRandomNumbers(expr))
        return false;
    for (const std::string& name : collectNames(expr))
        if (!isInvariantName_(name))
            return false;
    return true;
}

std::string LoopInvariants::nameFor(const ExprPtr& expr, int shape) {
    const auto found = names_.find(shape);
    if (found != names_.end())
        return found->second;
    std::string name = "_hoisted_" + std::to_string(hoisted_.size());
    names_[shape] = name;
    hoisted_.emplace_back(name, expr);
    return name;
}

namespace {

/// What hoisting needs to know of each distinct node, found bottom up.
struct HoistFacts {
    bool invariant = false;
    int shape = 0;
};

} // namespace

ExprPtr LoopInvariants::hoist(const ExprPtr& expr) {
    // Bottom up: which nodes are invariant, and their shapes.
    struct FactWalk : ExprVisitor {
        LoopInvariants& invariants;
        std::unordered_map<const Expr*, HoistFacts> facts;

        explicit FactWalk(LoopInvariants& owner) : invariants(owner) {}
        void leave(const ExprPtr& node) {
            HoistFacts own;
            own.invariant = node->kind == ExprKind::Name ? invariants.isInvariantName_(node->name)
                                                         : !isRandomCall(*node);
            std::vector<int> shapes;
            for (const ExprPtr& operand : node->operands) {
                const HoistFacts& child = facts.at(operand.get());
                own.invariant = own.invariant && child.invariant;
                shapes.push_back(child.shape);
            }
            own.shape = invariants.shapes_.idOf(*node, shapes);
            facts[node.get()] = own;
        }
    } factWalk(*this);
    walkDepthFirst(expr, factWalk);

    // Top down to the maximal invariant subtrees (named in the order they
    // are met), copying what lies above them.
    struct RewriteWalk : ExprVisitor {
        LoopInvariants& invariants;
        const std::unordered_map<const Expr*, HoistFacts>& facts;
        std::unordered_map<const Expr*, ExprPtr> results;

        RewriteWalk(LoopInvariants& owner, const std::unordered_map<const Expr*, HoistFacts>& all)
            : invariants(owner), facts(all) {}

        size_t enter(const ExprPtr& node) {
            const HoistFacts& own = facts.at(node.get());
            if (node->operands.empty())
                results[node.get()] = node;
            else if (own.invariant)
                results[node.get()] = makeName(invariants.nameFor(node, own.shape), node->position);
            else
                return node->operands.size();
            return 0;
        }

        void leave(const ExprPtr& node) {
            if (results.count(node.get()))
                return;
            bool changed = false;
            for (const ExprPtr& operand : node->operands)
                changed = changed || results.at(operand.get()) != operand;
            if (!changed) {
                results[node.get()] = node;
                return;
            }
            auto copy = std::make_shared<Expr>(*node);
            for (ExprPtr& operand : copy->operands)
                operand = results.at(operand.get());
            results[node.get()] = copy;
        }
    } rewriteWalk(*this, factWalk.facts);
    walkDepthFirst(expr, rewriteWalk);
    return rewriteWalk.results.at(expr.get());
}

} // namespace spikestudio
