#pragma once

#include "model/CheckedModel.h"
#include "model/ProblemCollector.h"

namespace spikestudio {

/// Refuses what would read or write a linked variable outside the kernels
/// that read its source live: values set before the run or between segments
/// (initial values, assignments, protocol changes), connect rules and
/// delays, a PoissonInput's or a summed variable's target. Each problem names the object and field.
void refuseLinkedVariablesOutsideKernels(const CheckedModel& checked, ProblemCollector& problems);

} // namespace spikestudio
