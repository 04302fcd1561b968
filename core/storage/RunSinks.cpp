#include "storage/RunSinks.h"

#include "storage/ProjectRunSink.h"

namespace spikestudio {

std::unique_ptr<RunSink> openRunSink(const std::string& target, const std::string& modelJson,
                                     const RunSinkOptions& options) {
    auto sink = std::make_unique<ProjectRunSink>(target, modelJson);
    if (options.sweep)
        sink->joinSweep(*options.sweep);
    if (options.lockWaitObserver)
        sink->setLockWaitObserver(options.lockWaitObserver);
    return sink;
}

} // namespace spikestudio
