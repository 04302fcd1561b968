#pragma once

#include "sweepresults/SweepResultTable.h"

#include <cstdint>

namespace spikestudio {

class Project;

/// The result table of sweep `sweepId` of `project`: a row per stored run
/// with its variant's values, seed, status and stored statistics. The
/// project is untrusted: a sweep that does not exist, a damaged
/// specification or statistics, a variant outside the sweep throw
/// UserError (StorageError) naming the sweep and run.
SweepResultTable loadSweepResults(Project& project, std::int64_t sweepId);

} // namespace spikestudio
