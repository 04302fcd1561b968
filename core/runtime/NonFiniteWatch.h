#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace spikestudio {

class Network;

/// Where a state variable first held NaN or infinity.
struct NonFiniteValue {
    std::string object; // group or Synapses name
    std::string variable;
    std::string element; // "neuron" or "synapse"
    long long index = 0;
    double value = 0.0; // NaN, +inf or -inf
    double t = 0.0;     // seconds: the run had reached this time when it was found

    /// "'G', variable 'v': became NaN (neuron 3) by t = 12.3 ms"
    std::string description() const;
    /// The description, then "; the run stopped there".
    std::string message() const;
};

/// Stops a run whose numbers have blown up: it looks through every state
/// variable of every group and Synapses object now and then. A scan of a
/// large network costs more than many steps, so scans are spaced in wall
/// time, 50 times their own duration apart (under 2% of the run), and the
/// clock is asked only every 16 steps.
class NonFiniteWatch {
public:
    explicit NonFiniteWatch(const Network& network, long long everyRounds = 16)
        : network_(network), everyRounds_(everyRounds), lastScanEnd_(Clock::now()) {}

    /// For Network::run's keepGoing: false once a value is NaN or infinite.
    bool keepGoing();
    /// Scans now, whatever the round (call after the run for its last steps).
    bool scan();

    const std::optional<NonFiniteValue>& found() const { return found_; }

private:
    using Clock = std::chrono::steady_clock;

    const Network& network_;
    long long everyRounds_;
    long long rounds_ = 0;
    static constexpr int kWarmUpScans = 4;
    int scans_ = 0;
    Clock::time_point lastScanEnd_;
    Clock::duration lastScanCost_{};
    std::optional<NonFiniteValue> found_;
};

} // namespace spikestudio
