#pragma once

#include "expr/Expr.h"

#include <functional>
#include <map>
#include <set>
#include <string>

namespace spikestudio {

/// Rebuilds `expr` with every Name node for which `replacement` returns a
/// non-null tree replaced by that tree. Untouched subtrees are shared, and so
/// is the replacement of a name used several times: `replacement` is called
/// once per distinct name. Costs the size of the graph, at any depth.
ExprPtr replaceNames(const ExprPtr& expr,
                     const std::function<ExprPtr(const std::string& name)>& replacement);

/// Replaces the names in `substitutions` (name -> tree).
ExprPtr substitute(const ExprPtr& expr, const std::map<std::string, ExprPtr>& substitutions);

/// Every name an expression reads (not function names).
std::set<std::string> collectNames(const ExprPtr& expr);

/// True if the expression calls a function for which `predicate` holds.
bool containsCall(const ExprPtr& expr, const std::function<bool(const std::string&)>& predicate);

/// The first such call, reading left to right (null when there is none).
const Expr* findCall(const ExprPtr& expr, const std::function<bool(const std::string&)>& predicate);

/// True for the built-in functions that draw random numbers (rand, randn, poisson).
bool isRandomFunction(const std::string& name);

/// True for a call that draws random numbers: a random built-in, or a
/// model's BinomialFunction. A call of no arguments that is not built in can
/// only be the latter (TimedArrays take one or two; the unit check refuses
/// any other), so the tree alone tells, without the scope.
bool isRandomCall(const Expr& node);

/// True if the expression draws random numbers (rand, randn, poisson, a
/// BinomialFunction).
bool drawsRandomNumbers(const ExprPtr& expr);

} // namespace spikestudio
