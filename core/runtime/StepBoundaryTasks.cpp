#include "runtime/StepBoundaryTasks.h"

namespace spikestudio {

void StepBoundaryTasks::post(std::function<void()> task) {
    std::lock_guard lock(mutex_);
    pending_.push_back(std::move(task));
    hasPending_.store(true, std::memory_order_release);
}

void StepBoundaryTasks::runPending() {
    if (!hasPending_.load(std::memory_order_acquire))
        return;
    std::vector<std::function<void()>> tasks;
    {
        std::lock_guard lock(mutex_);
        tasks.swap(pending_);
        hasPending_.store(false, std::memory_order_relaxed);
    }
    for (auto& task : tasks)
        task();
}

} // namespace spikestudio
