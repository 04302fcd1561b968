#pragma once

#include "storage/RunSettings.h"
#include "storage/RunSink.h"

#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace spikestudio {

/// What a caller asks of the sink it opens, whatever the backend.
struct RunSinkOptions {
    /// The run is variant `sweep->variant` of a stored sweep.
    std::optional<SweepMembership> sweep;
    /// Called while a write waits for a lock another program holds.
    std::function<void(std::chrono::milliseconds)> lockWaitObserver;
};

/// The one place that turns a target (today: a project file) into the
/// storage backend that keeps runs there, for the command line, sweeps and
/// the desktop app alike. A new backend is its RunSink implementation plus a
/// line here. Throws StorageError.
std::unique_ptr<RunSink> openRunSink(const std::string& target, const std::string& modelJson,
                                     const RunSinkOptions& options = {});

} // namespace spikestudio
