#pragma once

#include <string>
#include <vector>

namespace spikestudio {

/// How a GSL method steps one group (Brian2's `method_options` of the gsl_*
/// methods; the stepper is the group's method). The solver's state vector
/// holds `variables`, in that order.
struct GslSettings {
    std::vector<std::string> variables; // the integrated variables, by name
    std::vector<double> absoluteErrors; // per variable, in SI units
    long long maxSteps = 100;           // steps a solver may take within one dt
    bool adaptableTimestep = true;      // false: one step of dt, failing above the error
    bool useLastTimestep = true;        // each element starts from its last step size
    bool saveStepCount = false;         // records each element's steps in `_step_count`
    bool saveFailedSteps = false;       // and its rejected steps in `_failed_steps`

    bool operator==(const GslSettings&) const = default;
};

} // namespace spikestudio
