#pragma once

#include "codegen/KernelAbi.h"

#include <cstdint>
#include <vector>

namespace spikestudio {

/// Which synapses each part of a summed variable's call adds up. A part owns
/// a range of the elements the variable writes (context.first to last); it
/// gets the ascending indices of the synapses onto them in context.events
/// (eventCount of them), so that it reads only its own synapses and takes no
/// branch per synapse. One part reads them all (eventCount -1). The lists are
/// made once for a way of splitting and kept while the calls split that way.
class PartSynapses {
public:
    /// `written`: each synapse's written element (a neuron or a synapse),
    /// counted from `start` (a subgroup's first neuron).
    PartSynapses(const std::vector<std::int32_t>* written, std::int64_t start)
        : written_(written), start_(start) {}
    PartSynapses() = default;

    /// Points each part's events at its synapses.
    void assign(std::vector<SpikeStudioKernelContext>& parts);

private:
    void build(const std::vector<SpikeStudioKernelContext>& parts);
    bool builtFor(const std::vector<SpikeStudioKernelContext>& parts) const;

    const std::vector<std::int32_t>* written_ = nullptr;
    std::int64_t start_ = 0;
    std::vector<std::int64_t> bounds_;             // the parts' ranges the lists are for
    std::vector<std::vector<std::int32_t>> lists_; // per part, its synapses ascending
};

} // namespace spikestudio
