#pragma once

#include "model/ProtocolSpec.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

namespace spikestudio {

/// `protocol` as ProtocolReader reads it back; a TimedArray that replaces
/// another is written with its fields as `timedArrayJson` writes them.
using TimedArrayWriter = std::function<nlohmann::ordered_json(const TimedArraySpec&)>;
nlohmann::ordered_json protocolJson(const std::vector<ProtocolSegmentSpec>& protocol,
                                    const TimedArrayWriter& timedArrayJson);

} // namespace spikestudio
