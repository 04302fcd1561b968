#pragma once

namespace spikestudio {

/// SQL for the current time as a project stores it (UTC, ISO 8601, milliseconds).
inline constexpr const char* kSqlNow = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

} // namespace spikestudio
