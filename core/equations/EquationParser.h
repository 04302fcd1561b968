#pragma once

#include "equations/Equation.h"

#include <string_view>
#include <vector>

namespace spikestudio {

/// Parses a Brian2 equations string: one equation per entry,
///   dx/dt = expr : unit (flag, flag)
///   x = expr : unit (flags)
///   x : unit (flags)
/// An expression may continue on following lines until its ':'; '#' starts a
/// comment. Only the grammar is checked here (names, units, flag syntax);
/// EquationSet checks meaning. Throws ModelError with line and column.
std::vector<Equation> parseEquations(std::string_view text);

} // namespace spikestudio
