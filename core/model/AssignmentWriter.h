#pragma once

#include "model/AssignmentSpec.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace spikestudio {

/// `initial` in its list form, as AssignmentReader reads it back.
nlohmann::ordered_json assignmentsJson(const std::vector<AssignmentSpec>& assignments);

} // namespace spikestudio
