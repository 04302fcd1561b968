#pragma once

#include "runtime/Operation.h"

#include <ostream>
#include <vector>

namespace spikestudio {

/// The lines `spikestudio run --profile` prints, as Brian2's
/// profiling_summary lists a run: one per operation that ran, the costliest
/// first (name, object, time, share of the simulation, calls, time per call),
/// then what the operations leave of the simulation time: the scheduler, the
/// work between steps, the clock reads themselves.
void printProfile(const std::vector<Operation>& operations, double simulateSeconds,
                  std::ostream& out);

} // namespace spikestudio
