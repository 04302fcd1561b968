#pragma once

#include "model/ProtocolSpec.h"

#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace spikestudio {

/// Reads a model's `protocol`: a non-empty list of segments, each
/// `{"duration": ..., "set": [{"object": "G", "variable": ..., "value": ...}]}`;
/// an entry may instead change a constant (`{"constant": "tau", "value":
/// "5*ms"}`), switch an object (`{"object": "M", "active": false}`), seed the
/// random stream, set spikes or replace a TimedArray (`{"timed_array":
/// "stimulus", "dt": ..., "values": ...}`, whose fields `readTimedArray` reads
/// as a `timed_arrays` entry's). `synapses` names the model's Synapses
/// objects, whose values may select by `pre` and `post`. Throws ModelError
/// naming `protocol[k]` and the field.
using TimedArrayReader = std::function<TimedArraySpec(const nlohmann::ordered_json&)>;
std::vector<ProtocolSegmentSpec> readProtocol(const nlohmann::ordered_json& list,
                                              const std::set<std::string>& synapses,
                                              const TimedArrayReader& readTimedArray);

} // namespace spikestudio
