#include "expr/ExprWalk.h"

namespace spikestudio {

std::vector<const Expr*> nodesBottomUp(const ExprPtr& root) {
    struct Collector : ExprVisitor {
        std::vector<const Expr*> nodes;
        void leave(const ExprPtr& node) { nodes.push_back(node.get()); }
    } collector;
    walkDepthFirst(root, collector);
    return std::move(collector.nodes);
}

} // namespace spikestudio
