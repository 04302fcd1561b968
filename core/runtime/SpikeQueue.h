#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// Brian2's SpikeQueue: a ring of delay slots holding the ids of synapses due
/// in each coming step. Synapses are laid out per source neuron, contiguous
/// and in creation order, so pushing a spike copies one block (homogeneous
/// delay) or walks one block (heterogeneous delays). When the synapses were
/// created source by source (every generator connect), that layout is the
/// identity and no id is stored: a block is a range of ids. Per step a pathway
/// kernel calls push, peek and advance, in that order: a delay of 0 acts in the same step.
class SpikeQueue {
public:
    /// sourceOfSynapse[s]: the neuron whose spikes synapse s transmits.
    /// delaySteps: empty (no delay), one value (homogeneous) or one per synapse.
    /// Throws std::invalid_argument for negative delays, sources outside
    /// [0, sourceCount) or a delay list of another size.
    void prepare(const std::vector<std::int32_t>& sourceOfSynapse, std::int64_t sourceCount,
                 std::vector<std::int32_t> delaySteps);

    void push(const std::int32_t* spikes, std::int64_t count);
    /// Whether a push found no memory (kernels call it from C, where no
    /// exception may pass; the spikes it could not hold are lost, so the run must stop).
    bool outOfMemory() const { return outOfMemory_; }
    void markOutOfMemory() { outOfMemory_ = true; }
    /// The synapse ids due in the current step; returns their number.
    std::int64_t peek(const std::int32_t** ids) const;
    /// Empties the current slot (keeping its memory) and moves to the next.
    void advance();

    std::int64_t slotCount() const { return static_cast<std::int64_t>(slots_.size()); }
    /// What the delay slots hold in memory (their entries grow during a run).
    std::size_t growingBytes() const {
        return slots_.size() * sizeof(std::vector<std::int32_t>) +
               slotCapacity_ * sizeof(std::int32_t);
    }
    /// What prepare() allocates at most besides the slots' entries: bytes for
    /// the ring of `slots`, the offsets of `sourceCount` sources (twice while
    /// grouping), and per synapse its id (unless in source order) and delay (if they differ).
    static double preparedBytes(double slots, double sourceCount, double synapses, bool storesIds,
                                bool heterogeneous);
    std::int64_t synapseCount() const { return synapseCount_; }
    /// Whether the ids are kept in their own array (synapses not created source by source).
    bool storesSynapseIds() const { return !synapses_.empty(); }

private:
    std::vector<std::int32_t>& slotAfter(std::int32_t steps) {
        return slots_[(current_ + static_cast<std::size_t>(steps)) % slots_.size()];
    }
    std::int32_t synapseAt(std::size_t entry) const {
        return synapses_.empty() ? static_cast<std::int32_t>(entry) : synapses_[entry];
    }
    void countPerSource(const std::vector<std::int32_t>& sourceOfSynapse, std::int64_t sourceCount);
    void groupBySource(const std::vector<std::int32_t>& sourceOfSynapse,
                       std::vector<std::int32_t> delaySteps);
    void appendBlock(std::vector<std::int32_t>& slot, std::size_t first, std::size_t last);
    void append(std::vector<std::int32_t>& slot, std::int32_t synapse);

    std::vector<std::int64_t> firstOfSource_; // CSR offsets, sourceCount + 1
    std::vector<std::int32_t> synapses_;      // synapse ids grouped by source; empty if identity
    std::vector<std::int32_t> delays_;        // per entry of synapses_; empty if homogeneous
    std::int32_t homogeneousDelay_ = 0;
    std::int64_t synapseCount_ = 0;
    std::vector<std::vector<std::int32_t>> slots_{1};
    std::size_t slotCapacity_ = 0; // entries the slots have room for, all together
    std::size_t current_ = 0;
    bool outOfMemory_ = false;
};

} // namespace spikestudio

/// Kernel entry points (C linkage; `queue` is a SpikeQueue*).
extern "C" void spikestudio_queue_push(void* queue, const std::int32_t* spikes, std::int64_t count);
extern "C" std::int64_t spikestudio_queue_peek(void* queue, const std::int32_t** ids);
extern "C" void spikestudio_queue_advance(void* queue);
