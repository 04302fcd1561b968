#pragma once

#include "runtime/StateRecord.h"
#include "units/Dimension.h"

#include <string>
#include <vector>

namespace spikestudio {

/// Mean and standard deviation (population, ddof 0) of one recorded variable
/// over every sample of every recorded element, in SI units.
struct VariableStatistics {
    std::string monitor;
    std::string variable;
    Dimension dimension;
    std::int64_t samples = 0;
    double mean = 0.0;
    double sd = 0.0;
};

/// One entry per variable of `record`, in its column order.
std::vector<VariableStatistics> stateStatistics(const StateRecord& record);

} // namespace spikestudio
