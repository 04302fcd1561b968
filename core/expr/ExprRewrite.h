#pragma once

#include "expr/Expr.h"

#include <functional>
#include <map>
#include <set>
#include <string>

namespace spikestudio {

/// Rebuilds `expr` with every Name node for which `replacement` returns a
/// non-null tree replaced by that tree. Untouched subtrees are shared.
ExprPtr replaceNames(const ExprPtr& expr,
                     const std::function<ExprPtr(const std::string& name)>& replacement);

/// Replaces the names in `substitutions` (name -> tree).
ExprPtr substitute(const ExprPtr& expr, const std::map<std::string, ExprPtr>& substitutions);

/// Every name an expression reads (not function names).
std::set<std::string> collectNames(const ExprPtr& expr);

/// True if the expression calls a function for which `predicate` holds.
bool containsCall(const ExprPtr& expr, const std::function<bool(const std::string&)>& predicate);

/// True if the expression draws random numbers (rand, randn, poisson).
bool drawsRandomNumbers(const ExprPtr& expr);

} // namespace spikestudio
