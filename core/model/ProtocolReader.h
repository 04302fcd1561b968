#pragma once

#include "model/ProtocolSpec.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace spikestudio {

/// Reads a model's `protocol`: a non-empty list of segments, each
/// `{"duration": ..., "set": [{"object": "G", "variable": ..., "value": ...}]}`.
/// Throws ModelError naming `protocol[k]` and the field.
std::vector<ProtocolSegmentSpec> readProtocol(const nlohmann::ordered_json& list);

} // namespace spikestudio
