#pragma once

#include <string>

namespace spikestudio {

/// Names a running process well enough to tell later whether it still runs:
/// boot id, pid and start time ("<boot>/<pid>/<start>"). A run whose writer
/// is gone was interrupted (killed, crashed, power cut), whatever its status says.
class ProcessIdentity {
public:
    /// This process.
    static std::string current();
    /// True when the process `identity` names is running (not a zombie) on this machine.
    static bool isAlive(const std::string& identity);
};

} // namespace spikestudio
