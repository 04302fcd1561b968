#pragma once

#include "expr/Expr.h"
#include "expr/Statement.h"

#include <string>

namespace spikestudio {

/// Renders an expression back to Brian2 syntax with the fewest brackets that
/// keep its meaning; used in messages and in the GUI, never for compiling.
/// Text beyond `maxLength` characters ends in "..." instead: an expression
/// with shared subexpressions can stand for a tree far larger than itself.
constexpr size_t kMaxTextLength = 2000;
std::string toText(const ExprPtr& expr, size_t maxLength = kMaxTextLength);
std::string toText(const Statement& statement);

/// Shortest decimal text that reads back to exactly the same double.
std::string formatNumber(double value);

} // namespace spikestudio
