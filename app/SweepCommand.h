#pragma once

#include "CommandLine.h"

#include <ostream>

namespace spikestudio {

/// `spikestudio sweep MODEL --vary ...`: runs every variant, in parallel.
int sweepCommand(const CommandLine& line, std::ostream& out, std::ostream& err);
/// `spikestudio sweeps PROJECT`: the sweeps a project keeps.
int sweepsCommand(const CommandLine& line, std::ostream& out, std::ostream& err);

} // namespace spikestudio
