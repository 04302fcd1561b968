#pragma once

namespace spikestudio {

/// How a project is opened. ReadOnly never changes the file (not even to
/// upgrade its schema or to mark an interrupted run); ReadWrite creates a
/// missing project and upgrades an older one.
enum class ProjectAccess { ReadOnly, ReadWrite };

} // namespace spikestudio
