#pragma once

#include "model/ProtocolSpec.h"

#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace spikestudio {

/// Reads a model's `protocol`: a non-empty list of segments, each
/// `{"duration": ..., "set": [{"object": "G", "variable": ..., "value": ...}]}`;
/// an entry may instead change a constant (`{"constant": "tau", "value":
/// "5*ms"}`) or switch an object (`{"object": "M", "active": false}`).
/// `synapses` names the model's Synapses objects, whose values may select by
/// `pre` and `post`. Throws ModelError naming `protocol[k]` and the field.
std::vector<ProtocolSegmentSpec> readProtocol(const nlohmann::ordered_json& list,
                                              const std::set<std::string>& synapses);

} // namespace spikestudio
