#pragma once

#include "engine/BuildReport.h"
#include "model/CheckedModel.h"
#include "runtime/Network.h"

#include <atomic>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace spikestudio {

/// Thrown by buildNetwork when its `cancel` flag was raised (Stop pressed).
struct BuildCancelled : std::runtime_error {
    BuildCancelled() : std::runtime_error("stopped before the run started") {}
};

/// Turns a checked model into a runnable Network: allocates the arrays, sets
/// initial values, generates and compiles every kernel, and schedules the
/// operations in Brian2's order. Throws ModelError when memory cannot be had.
/// Between objects and between kernels it looks at `cancel` and throws
/// BuildCancelled once it is set.
std::unique_ptr<Network> buildNetwork(const CheckedModel& model, BuildReport* report = nullptr,
                                      const std::atomic<bool>* cancel = nullptr);

/// The network's groups and synapses exactly as buildNetwork creates them
/// (group initial values, connect, delays, synaptic initial values, drawing
/// the same random numbers), with no kernel compiled, no monitor and no spike
/// queue: the connectivity of a model without running it. Throws ModelError
/// as buildNetwork does.
std::unique_ptr<Network> buildConnectivity(const CheckedModel& model);

/// For an edit during a run: the kernels of `model`'s neuron groups (state
/// update, threshold, reset, constant-over-dt values) generated, compiled and
/// bound to `network`'s existing arrays, listed in `kernels` by name; nothing
/// is scheduled or allocated. `model` must have the network's groups and
/// state variables. Returns the values of the model's constants, in the order
/// the kernels read them. Safe while the network runs (it only reads addresses).
std::vector<double> rebuildGroupKernels(const CheckedModel& model, Network& network,
                                        LiveKernels& kernels);

/// Whether the engine has a build step for objects of the group or monitor
/// kind called `typeName` (the runtime operations they become).
bool hasBuildStep(const std::string& typeName);

} // namespace spikestudio
