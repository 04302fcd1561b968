#pragma once

#include "expr/Expr.h"

#include <unordered_set>
#include <vector>

namespace spikestudio {

/// What a walk does at each node; derive and hide the members you need.
/// `enter` runs before a node's operands and returns how many of them, from
/// the first, to visit (0 skips them all); `afterOperand` runs after operand k
/// was visited (or found visited before); `leave` runs after the visited
/// operands. `revisit` runs when an operand is met that was walked before,
/// and `walkedOnce` says whether a node is (false: walked at every meeting,
/// as a call drawing random numbers must be).
struct ExprVisitor {
    size_t enter(const ExprPtr& node) { return node->operands.size(); }
    void afterOperand(const ExprPtr& /*node*/, size_t /*k*/) {}
    void leave(const ExprPtr& /*node*/) {}
    void revisit(const ExprPtr& /*node*/) {}
    bool walkedOnce(const ExprPtr& /*node*/) { return true; }
};

/// Walks `root` depth first, operands in order, without recursion: no
/// expression is too deep for it. Each distinct node is entered and left once
/// even when substitution shared it between several parents, so a walk costs
/// the size of the graph, never that of the tree it stands for.
template <typename Visitor> void walkDepthFirst(const ExprPtr& root, Visitor& visitor) {
    struct Frame {
        const ExprPtr* node;
        size_t visited; // operands done
        size_t toVisit; // what enter() asked for
    };
    std::unordered_set<const Expr*> seen{root.get()};
    std::vector<Frame> stack{{&root, 0, visitor.enter(root)}};
    while (!stack.empty()) {
        const Frame top = stack.back();
        if (top.visited < top.toVisit) {
            const ExprPtr& operand = (*top.node)->operands[top.visited];
            if (!visitor.walkedOnce(operand) || seen.insert(operand.get()).second) {
                stack.push_back({&operand, 0, visitor.enter(operand)});
                continue;
            }
            visitor.revisit(operand);
            visitor.afterOperand(*top.node, top.visited);
            ++stack.back().visited;
            continue;
        }
        stack.pop_back();
        visitor.leave(*top.node);
        if (!stack.empty()) {
            visitor.afterOperand(*stack.back().node, stack.back().visited);
            ++stack.back().visited;
        }
    }
}

/// The distinct nodes of `root`, each after its operands (post-order).
std::vector<const Expr*> nodesBottomUp(const ExprPtr& root);

} // namespace spikestudio
