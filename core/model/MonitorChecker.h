#pragma once

#include "model/CheckedModel.h"

namespace spikestudio {

/// Checks a monitor of any type against the checked groups and synapses of
/// `model`: its source, its clock and, when it records variables, those and
/// the recorded indices.
CheckedMonitor checkMonitor(const MonitorSpec& spec, const CheckedModel& model);

} // namespace spikestudio
