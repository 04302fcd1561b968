#pragma once

#include "model/AssignmentSpec.h"

#include <string>
#include <vector>

namespace spikestudio {

/// A value a protocol sets between two segments: Brian2's `G.I = 0*nA`
/// written between two `run()` calls. `object` names the group.
struct ProtocolChange {
    std::string object;
    AssignmentSpec assignment;
};

/// One `run()` of a script with several: the values set before it, then
/// `duration` of simulation continuing the network as it is.
struct ProtocolSegmentSpec {
    std::string duration;            // a time expression
    std::vector<ProtocolChange> set; // applied in order before the segment runs
};

} // namespace spikestudio
