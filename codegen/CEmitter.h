#pragma once

#include "expr/Expr.h"

#include <functional>
#include <string>

namespace spikestudio {

/// Maps a name of the language to the C expression that holds its value in a
/// kernel (a generated local, an array element, a literal). Never returns user text.
using CNameMapper = std::function<std::string(const std::string& name)>;

/// For a function that is not built in (a TimedArray): the C of its call up
/// to its own arguments, e.g. "spikestudio_timed_array_1d(_a3, 100, 0.000125, 8";
/// the emitter appends ", " and the arguments, then ")".
using CFunctionMapper = std::function<std::string(const std::string& name)>;

/// Prints an expression tree as C. Every token comes from the tree's structure:
/// operators and functions from fixed tables, numbers through a round-trip
/// formatter, names through `names`. This is how user text is kept out of the
/// compiler, the project's first rule: user text never reaches the compiler as text.
std::string emitC(const ExprPtr& expr, const CNameMapper& names,
                  const CFunctionMapper& functions = {});

/// A double literal C reads back exactly ("1e-3" -> "0.001", inf -> "(1.0/0.0)").
std::string cLiteral(double value);

} // namespace spikestudio
