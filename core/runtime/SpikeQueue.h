#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// Brian2's SpikeQueue: a ring of delay slots holding the synapses due in each
/// coming step. Synapses are laid out per source neuron, contiguous and in
/// creation order. With one delay for all, pushing a spike notes its source's
/// block as a range of that layout (joined to the previous range when they
/// touch), so nothing is copied per synapse; with a delay per synapse it walks
/// the block and appends each id to its slot. When the synapses were created
/// source by source (every generator connect), the layout is the identity and
/// no id is stored at all. Per step a pathway kernel calls push, reads the due
/// blocks and advances, in that order: a delay of 0 acts in the same step.
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
    /// How many synapses are due in the current step.
    std::int64_t dueCount() const;
    /// Block `block` of the synapses due in the current step, in queue order:
    /// returns its size, or -1 past the last block. Its synapse ids are
    /// `(*ids)[0..size)`, or `*first + 0..size` when `*ids` is null.
    std::int64_t dueBlock(std::int64_t block, std::int64_t* first, const std::int32_t** ids) const;
    /// The ids of all synapses due in the current step, in queue order.
    std::vector<std::int32_t> dueIds() const;
    /// Empties the current slot (keeping its memory) and moves to the next.
    void advance();

    std::int64_t slotCount() const { return static_cast<std::int64_t>(slots_.size()); }
    /// What the delay slots hold in memory (their entries grow during a run).
    std::size_t growingBytes() const { return slots_.size() * sizeof(Slot) + slotBytes_; }
    /// What prepare() allocates at most besides the slots' entries: bytes for
    /// the ring of `slots`, the offsets of `sourceCount` sources (twice while
    /// grouping), and per synapse its id (unless in source order) and delay (if they differ).
    static double preparedBytes(double slots, double sourceCount, double synapses, bool storesIds,
                                bool heterogeneous);
    std::int64_t synapseCount() const { return synapseCount_; }
    /// Whether the ids are kept in their own array (synapses not created source by source).
    bool storesSynapseIds() const { return !synapses_.empty(); }

private:
    /// Entries [first, first + count) of the layout.
    struct Range {
        std::int64_t first;
        std::int64_t count;
    };
    /// What is due in one step: ranges (one delay for all) or ids (a delay each).
    struct Slot {
        std::vector<Range> ranges;
        std::vector<std::int32_t> ids;
    };

    Slot& slotAfter(std::int32_t steps) {
        return slots_[(current_ + static_cast<std::size_t>(steps)) % slots_.size()];
    }
    std::int32_t synapseAt(std::size_t entry) const {
        return synapses_.empty() ? static_cast<std::int32_t>(entry) : synapses_[entry];
    }
    void countPerSource(const std::vector<std::int32_t>& sourceOfSynapse, std::int64_t sourceCount);
    void groupBySource(const std::vector<std::int32_t>& sourceOfSynapse,
                       std::vector<std::int32_t> delaySteps);
    void appendRange(Slot& slot, std::size_t first, std::size_t last);
    void append(Slot& slot, std::int32_t synapse);

    std::vector<std::int64_t> firstOfSource_; // CSR offsets, sourceCount + 1
    std::vector<std::int32_t> synapses_;      // synapse ids grouped by source; empty if identity
    std::vector<std::int32_t> delays_;        // per entry of synapses_; empty if homogeneous
    std::int32_t homogeneousDelay_ = 0;
    std::int64_t synapseCount_ = 0;
    std::vector<Slot> slots_{1};
    std::size_t slotBytes_ = 0; // what the slots' entries have room for, all together
    std::size_t current_ = 0;
    bool outOfMemory_ = false;
};

} // namespace spikestudio

/// Kernel entry points (C linkage; `queue` is a SpikeQueue*).
extern "C" void spikestudio_queue_push(void* queue, const std::int32_t* spikes, std::int64_t count);
extern "C" std::int64_t spikestudio_queue_block(void* queue, std::int64_t block,
                                                std::int64_t* first, const std::int32_t** ids);
extern "C" void spikestudio_queue_advance(void* queue);
