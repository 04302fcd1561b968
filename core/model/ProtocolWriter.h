#pragma once

#include "model/ProtocolSpec.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace spikestudio {

/// `protocol` as ProtocolReader reads it back.
nlohmann::ordered_json protocolJson(const std::vector<ProtocolSegmentSpec>& protocol);

} // namespace spikestudio
