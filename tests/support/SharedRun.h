#pragma once

#include "engine/NativeTier.h"
#include "engine/NetworkBuilder.h"
#include "runtime/WorkerPool.h"

#include <memory>

/// Builds and runs `model` on `threads` threads with every kernel that may
/// be shared split as finely as the threads allow (grain 1, no least part
/// time), on libtcc or, with `native`, on the system compiler's code.
inline std::unique_ptr<spikestudio::Network> runShared(const spikestudio::CheckedModel& model,
                                                       int threads, bool native) {
    spikestudio::BuildReport report;
    auto network = spikestudio::buildNetwork(model, &report);
    network->workers().setGrain(1);
    network->workers().setPartTime(0.0); // split by the grain alone
    network->workers().resize(threads);
    spikestudio::NativeTier tier(*network, report.kernels);
    if (native)
        tier.compileAndSwapNow();
    network->run(model.duration);
    return network;
}
