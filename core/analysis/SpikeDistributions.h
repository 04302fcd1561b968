#pragma once

#include "runtime/SpikeRecord.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// Each recorded neuron's firing rate (Hz): its spike count over `duration` seconds.
std::vector<double> neuronRates(const SpikeRecord& record, double duration);

/// Every inter-spike interval (s) of every neuron, neuron by neuron.
std::vector<double> interSpikeIntervals(const SpikeRecord& record);

/// For each neuron with at least three spikes (and intervals of positive
/// mean), the standard deviation of its inter-spike intervals (population,
/// ddof 0) over their mean, in neuron order.
std::vector<double> neuronIsiCvs(const SpikeRecord& record);

} // namespace spikestudio
