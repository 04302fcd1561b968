#pragma once

#include "model/CheckedModel.h"
#include "model/Model.h"
#include "sweep/SweepPlan.h"

#include <cstddef>

namespace spikestudio {

/// A sweep as the Sweep dialog accepted it: the model to vary, the plan,
/// the run options (duration) and how many variants run at once.
struct SweepRequest {
    Model model;
    SweepPlan plan;
    CheckOptions options;
    std::size_t jobs = 1;
};

} // namespace spikestudio
