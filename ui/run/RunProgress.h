#pragma once

#include <string>

namespace spikestudio {

/// Where a run stands, as the progress bar shows it.
struct RunProgress {
    double simulated = 0.0;  // seconds of model time reached
    double duration = 0.0;   // seconds of model time requested
    double wall = 0.0;       // seconds of wall time spent simulating (pauses excluded)
    std::string tier;        // which compiler's code runs (TierStatus::describe)
    bool nativeCode = false; // the system compiler's code runs (else libtcc's)
    double lockWait = 0.0;   // seconds the project has been locked by another program (0: not)

    const char* tierName() const { return nativeCode ? "native code" : "libtcc code"; }

    double fraction() const { return duration > 0 ? simulated / duration : 0.0; }
    /// Simulated seconds per wall second.
    double speed() const { return wall > 0 ? simulated / wall : 0.0; }
    /// Wall seconds left at the current speed; negative when unknown.
    double remaining() const { return speed() > 0 ? (duration - simulated) / speed() : -1.0; }
};

} // namespace spikestudio
