#include "storage/RunStatus.h"

#include "storage/StorageError.h"

#include <array>
#include <utility>

namespace spikestudio {

namespace {

constexpr std::array<std::pair<RunStatus, std::string_view>, 5> kNames = {{
    {RunStatus::Running, "running"},
    {RunStatus::Finished, "finished"},
    {RunStatus::Stopped, "stopped"},
    {RunStatus::Failed, "failed"},
    {RunStatus::Interrupted, "interrupted"},
}};

} // namespace

std::string_view runStatusName(RunStatus status) {
    for (const auto& [value, name] : kNames)
        if (value == status)
            return name;
    return "unknown";
}

RunStatus parseRunStatus(std::string_view text) {
    for (const auto& [value, name] : kNames)
        if (name == text)
            return value;
    throw StorageError("unknown run status '" + std::string(text) + "'");
}

} // namespace spikestudio
