#pragma once

#include <cstdint>
#include <vector>

namespace spikestudio {

/// Brian2's SpikeGeneratorGroup at run time: the given spikes binned to time
/// steps (spikeStepOf), emitted into the group's eventspace in the
/// thresholds slot, repeating every `period` when period > 0.
class SpikeGenerator {
public:
    SpikeGenerator(const std::vector<long long>& indices, const std::vector<double>& times,
                   double period, double dt);

    /// Fills `events` (indices, count in events[size]) with the spikes of step `timestep`.
    void writeSpikes(std::int64_t timestep, std::int32_t* events, std::int64_t size) const;

private:
    std::vector<std::int64_t> bins_;    // sorted
    std::vector<std::int32_t> neurons_; // in the order of bins_
    std::int64_t periodSteps_ = 0;
};

} // namespace spikestudio
