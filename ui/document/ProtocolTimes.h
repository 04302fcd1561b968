#pragma once

#include "model/Model.h"

#include <optional>
#include <vector>

namespace spikestudio {

/// The times of a model's protocol, in seconds, as far as they evaluate
/// (each duration in the model's constants); the checker reports the rest.
namespace ProtocolTimes {

/// Each segment's duration, or nothing for one that does not evaluate to a
/// finite time of zero or more.
std::vector<std::optional<double>> durations(const Model& model);

/// When each segment starts (the first at 0); empty when the model has no
/// protocol or a duration does not evaluate.
std::vector<double> starts(const Model& model);

/// The protocol's total, the run's duration; nothing when a segment's
/// duration does not evaluate or there is no protocol.
std::optional<double> total(const Model& model);

} // namespace ProtocolTimes

} // namespace spikestudio
