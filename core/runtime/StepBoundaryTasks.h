#pragma once

#include <atomic>
#include <functional>
#include <mutex>
#include <vector>

namespace spikestudio {

/// Work other threads hand to a running simulation, done between two time
/// steps on the simulation's own thread (swapping compiled kernels, say), so
/// kernels never see a change halfway through a step. Checking for work costs
/// one atomic load per step.
class StepBoundaryTasks {
public:
    void post(std::function<void()> task);
    /// Runs what was posted since the last call; called between steps.
    void runPending();

private:
    std::mutex mutex_;
    std::vector<std::function<void()>> pending_;
    std::atomic<bool> hasPending_{false};
};

} // namespace spikestudio
