#pragma once

#include "expr/Expr.h"

#include <string>
#include <unordered_map>
#include <vector>

namespace spikestudio {

/// Numbers expression nodes by shape: two nodes get one id when they have the
/// same kind, operator, name, number and operands (by id), wherever and
/// whenever they were built. Number a node after its operands.
class ShapeIds {
public:
    /// `nameTag` tells apart names that read different values (see
    /// CommonSubexpressions); leave it empty otherwise.
    int idOf(const Expr& node, const std::vector<int>& operandIds, const std::string& nameTag = "");

private:
    std::unordered_map<std::string, int> ids_;
};

} // namespace spikestudio
