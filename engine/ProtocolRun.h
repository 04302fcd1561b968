#pragma once

#include "model/CheckedModel.h"
#include "runtime/Network.h"

#include <functional>

namespace spikestudio {

/// Runs a built network through the model's protocol: each segment sets its
/// values (drawing random numbers from the network's stream, as Brian2 does
/// between two `run()` calls), then continues the simulation for its
/// duration. A model without a protocol runs once for its duration.
/// `keepGoing` may stop it between steps. Returns the scheduler rounds run.
long long runProtocol(Network& network, const CheckedModel& checked,
                      const std::function<bool()>& keepGoing = {});

} // namespace spikestudio
