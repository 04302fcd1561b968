#include "ShapeIds.h"

#include <cstdio>

namespace spikestudio {

int ShapeIds::idOf(const Expr& node, const std::vector<int>& operandIds,
                   const std::string& nameTag) {
    std::string key = std::to_string(static_cast<int>(node.kind)) + ":" + std::to_string(node.op) +
                      ":" + node.name + "#" + nameTag;
    if (node.kind == ExprKind::Number) {
        char exact[64];
        std::snprintf(exact, sizeof exact, "%a%s", node.number, node.isIntegerLiteral ? "i" : "");
        key += exact;
    }
    if (node.kind == ExprKind::Boolean)
        key += node.boolean ? "T" : "F";
    for (int id : operandIds)
        key += "," + std::to_string(id);
    return ids_.emplace(std::move(key), static_cast<int>(ids_.size())).first->second;
}

} // namespace spikestudio
