#pragma once

#include <string>
#include <string_view>

namespace spikestudio {

/// How a stored run ended. `Running`: its writer is still at work.
/// `Interrupted`: stored as running, but the process writing it is gone
/// (killed, crashed, power cut): results up to its last committed chunk.
enum class RunStatus { Running, Finished, Stopped, Failed, Interrupted };

/// The word stored in runs.status: "running", "finished", ...
std::string_view runStatusName(RunStatus status);
/// Throws StorageError for a word that is not a status.
RunStatus parseRunStatus(std::string_view text);

} // namespace spikestudio
