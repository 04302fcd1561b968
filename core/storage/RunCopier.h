#pragma once

#include "storage/RunSettings.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace spikestudio {

class Project;

/// Copies ended runs (finished, stopped, failed or interrupted) with their
/// monitors and every result chunk from one project into another, in one
/// transaction of `to`: all of them or, on any failure, none. The copies get
/// new ids in `to` (returned in the order of `ids`); `from` is not changed.
/// Throws StorageError for a run `from` does not hold, a run still being
/// written, or when both are the same file.
std::vector<std::int64_t> copyRuns(Project& from, Project& to,
                                   const std::vector<std::int64_t>& ids);

/// A run to copy and, when its copy joins a sweep of `to`, which and where.
struct RunToCopy {
    std::int64_t id = 0;
    std::optional<SweepMembership> sweep;
};

/// As above; each copy also joins its sweep (spikestudio merge). Statistics
/// are copied with their runs.
std::vector<std::int64_t> copyRunsJoiningSweeps(Project& from, Project& to,
                                                const std::vector<RunToCopy>& runs);

} // namespace spikestudio
