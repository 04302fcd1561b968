#pragma once

#include <optional>
#include <string>

namespace spikestudio {

class Network;

/// Stops a run once a GSL solver could not integrate an element within its
/// error bounds (Brian2's IntegrationError). The solver notes the first
/// failure in the group's solverSteps; this reads it between steps.
class SolverWatch {
public:
    /// For Network::run: false once a solver failed.
    bool keepGoing(const Network& network);

    /// "'G', field 'method_options': the GSL solver could not ..." once stopped.
    const std::optional<std::string>& problem() const { return problem_; }

private:
    std::optional<std::string> problem_;
};

} // namespace spikestudio
