#pragma once

#include <limits>
#include <optional>
#include <string>

namespace spikestudio {

class Network;

/// Stops a run before what grows while it goes on would outgrow the memory the
/// build left: SpikeMonitor records (12 bytes a spike) and the spikes in
/// flight in the queues. Their size cannot be known before the run. Checked
/// before every step (a few capacities summed); what is counted is what the
/// vectors hold plus what their next growth may take (a vector that doubles
/// briefly holds both copies, three times its size) and one step of spikes.
class MemoryWatch {
public:
    /// `headroomBytes`: what the growing parts may take; `limit` describes the
    /// whole limit for the message ("this machine can give 19.6 GiB").
    void limitTo(double headroomBytes, std::string limit);

    /// For Network::run: false once the growing parts would not fit.
    bool keepGoing(const Network& network);

    /// "'spikes', field 'source': the run stopped at t = 1.2 s: ..." once stopped.
    const std::optional<std::string>& problem() const { return problem_; }

private:
    /// What grows, for the message: its object and field, and what it holds.
    struct Grower {
        double bytes = 0.0;
        std::string object;
        std::string field;
        std::string what;
    };

    bool stop(const Network& network, const Grower& cause);

    double headroom_ = std::numeric_limits<double>::infinity();
    std::string limit_;
    std::optional<std::string> problem_;
};

} // namespace spikestudio
