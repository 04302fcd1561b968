#pragma once

#include "expr/Expr.h"
#include "expr/Statement.h"

namespace spikestudio::fuzz {

/// toText must give text that parses back to the same tree (positions aside):
/// messages quote it, and code generation keys loop invariants by it, so two
/// trees must never share a text. Throws InvariantBroken when it does not.
void requireTextRoundTrip(const ExprPtr& expr);
void requireTextRoundTrip(const Statement& statement);

} // namespace spikestudio::fuzz
