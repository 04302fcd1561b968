#pragma once

#include "model/AssignmentSpec.h"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace spikestudio {

/// Reads `initial` in its list form: one object per assignment, applied in
/// order. `object` names the group or Synapses object in messages; only a
/// Synapses object's entries may select by `pre` and `post`. Throws
/// ModelError naming the entry's field (`initial[2].value`).
std::vector<AssignmentSpec> readAssignments(const nlohmann::ordered_json& list,
                                            const std::string& object, bool synapses);

/// Reads one assignment found at `field` (`protocol[1].set[0]`), named so in messages.
AssignmentSpec readAssignment(const nlohmann::ordered_json& entry, const std::string& object,
                              const std::string& field, bool synapses);

} // namespace spikestudio
