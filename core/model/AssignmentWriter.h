#pragma once

#include "model/AssignmentSpec.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace spikestudio {

/// One assignment as the list form writes it (`variable`, `value`, selection).
nlohmann::ordered_json assignmentJson(const AssignmentSpec& assignment);

/// `initial` in its list form, as AssignmentReader reads it back.
nlohmann::ordered_json assignmentsJson(const std::vector<AssignmentSpec>& assignments);

} // namespace spikestudio
