#pragma once

#include "CommandLine.h"

#include <ostream>

namespace spikestudio {

/// `spikestudio runs PROJECT`: one line per stored run.
int runsCommand(const CommandLine& line, std::ostream& out, std::ostream& err);

/// `spikestudio export PROJECT --run ID --csv DIR`: the run's results as the
/// same CSV files `run --csv` wrote.
int exportCommand(const CommandLine& line, std::ostream& out, std::ostream& err);

} // namespace spikestudio
