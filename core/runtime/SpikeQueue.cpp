#include "runtime/SpikeQueue.h"

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>

namespace spikestudio {

void SpikeQueue::prepare(const std::vector<std::int32_t>& sourceOfSynapse, std::int64_t sourceCount,
                         std::vector<std::int32_t> delaySteps) {
    const size_t count = sourceOfSynapse.size();
    if (delaySteps.size() > 1 && delaySteps.size() != count)
        throw std::invalid_argument("the spike queue needs no delay, one delay or one per synapse");
    for (std::int32_t delay : delaySteps)
        if (delay < 0)
            throw std::invalid_argument("a synaptic delay cannot be negative");
    if (sourceCount < 0)
        throw std::invalid_argument("the source group cannot have a negative size");
    // Everything is checked before anything changes: a refused queue keeps its old state.
    for (std::int32_t source : sourceOfSynapse)
        if (source < 0 || source >= sourceCount)
            throw std::invalid_argument("synapse source " + std::to_string(source) +
                                        " is outside the source group");
    countPerSource(sourceOfSynapse, sourceCount);
    homogeneousDelay_ = delaySteps.size() == 1 ? delaySteps[0] : 0;
    const std::int32_t maxDelay =
        delaySteps.empty() ? 0 : *std::max_element(delaySteps.begin(), delaySteps.end());
    if (std::is_sorted(sourceOfSynapse.begin(), sourceOfSynapse.end())) {
        synapses_ = {}; // entry k is synapse k
        delays_ = delaySteps.size() > 1 ? std::move(delaySteps) : std::vector<std::int32_t>{};
    } else {
        groupBySource(sourceOfSynapse, delaySteps);
    }
    synapseCount_ = static_cast<std::int64_t>(count);
    slots_.assign(static_cast<size_t>(maxDelay) + 1, {});
    slotBytes_ = 0;
    current_ = 0;
}

void SpikeQueue::countPerSource(const std::vector<std::int32_t>& sourceOfSynapse,
                                std::int64_t sourceCount) {
    firstOfSource_.assign(static_cast<size_t>(sourceCount) + 1, 0);
    for (std::int32_t source : sourceOfSynapse)
        ++firstOfSource_[static_cast<size_t>(source) + 1];
    for (size_t k = 1; k < firstOfSource_.size(); ++k)
        firstOfSource_[k] += firstOfSource_[k - 1];
}

// Counting sort by source keeps creation order within each source.
void SpikeQueue::groupBySource(const std::vector<std::int32_t>& sourceOfSynapse,
                               std::vector<std::int32_t> delaySteps) {
    const size_t count = sourceOfSynapse.size();
    std::vector<std::int64_t> next(firstOfSource_.begin(), firstOfSource_.end() - 1);
    synapses_.assign(count, 0);
    const bool heterogeneous = delaySteps.size() > 1;
    delays_.assign(heterogeneous ? count : 0, 0);
    for (size_t s = 0; s < count; ++s) {
        const auto at = static_cast<size_t>(next[static_cast<size_t>(sourceOfSynapse[s])]++);
        synapses_[at] = static_cast<std::int32_t>(s);
        if (heterogeneous)
            delays_[at] = delaySteps[s];
    }
}

double SpikeQueue::preparedBytes(double slots, double sourceCount, double synapses, bool storesIds,
                                 bool heterogeneous) {
    // Offsets per source, and their copy while synapses are grouped by source.
    return slots * sizeof(Slot) + 2 * (sourceCount + 1) * sizeof(std::int64_t) +
           synapses * sizeof(std::int32_t) * ((storesIds ? 1 : 0) + (heterogeneous ? 1 : 0));
}

void SpikeQueue::appendRange(Slot& slot, std::size_t first, std::size_t last) {
    if (first == last)
        return;
    const auto count = static_cast<std::int64_t>(last - first);
    if (!slot.ranges.empty()) {
        Range& previous = slot.ranges.back();
        if (previous.first + previous.count == static_cast<std::int64_t>(first)) {
            previous.count += count;
            return;
        }
    }
    const size_t before = slot.ranges.capacity();
    slot.ranges.push_back({static_cast<std::int64_t>(first), count});
    slotBytes_ += (slot.ranges.capacity() - before) * sizeof(Range);
}

void SpikeQueue::append(Slot& slot, std::int32_t synapse) {
    const size_t before = slot.ids.capacity();
    slot.ids.push_back(synapse);
    slotBytes_ += (slot.ids.capacity() - before) * sizeof(std::int32_t);
}

void SpikeQueue::push(const std::int32_t* spikes, std::int64_t count) {
    for (std::int64_t k = 0; k < count; ++k) {
        const auto source = static_cast<size_t>(spikes[k]);
        const auto first = static_cast<size_t>(firstOfSource_[source]);
        const auto last = static_cast<size_t>(firstOfSource_[source + 1]);
        if (delays_.empty()) {
            appendRange(slotAfter(homogeneousDelay_), first, last);
            continue;
        }
        for (size_t at = first; at < last; ++at)
            append(slotAfter(delays_[at]), synapseAt(at));
    }
}

std::int64_t SpikeQueue::dueCount() const {
    const Slot& slot = slots_[current_];
    auto count = static_cast<std::int64_t>(slot.ids.size());
    for (const Range& range : slot.ranges)
        count += range.count;
    return count;
}

std::int64_t SpikeQueue::dueBlock(std::int64_t block, std::int64_t* first,
                                  const std::int32_t** ids) const {
    const Slot& slot = slots_[current_];
    const auto ranges = static_cast<std::int64_t>(slot.ranges.size());
    if (block < ranges) {
        const Range& range = slot.ranges[static_cast<size_t>(block)];
        *first = synapses_.empty() ? range.first : 0;
        *ids = synapses_.empty() ? nullptr : synapses_.data() + range.first;
        return range.count;
    }
    if (block == ranges && !slot.ids.empty()) {
        *first = 0;
        *ids = slot.ids.data();
        return static_cast<std::int64_t>(slot.ids.size());
    }
    return -1;
}

std::vector<std::int32_t> SpikeQueue::dueIds() const {
    std::vector<std::int32_t> due;
    std::int64_t first = 0;
    const std::int32_t* ids = nullptr;
    for (std::int64_t block = 0, size; (size = dueBlock(block, &first, &ids)) >= 0; ++block)
        for (std::int64_t k = 0; k < size; ++k)
            due.push_back(ids ? ids[k] : static_cast<std::int32_t>(first + k));
    return due;
}

void SpikeQueue::advance() {
    Slot& slot = slots_[current_];
    slot.ranges.clear();
    slot.ids.clear();
    current_ = (current_ + 1) % slots_.size();
}

} // namespace spikestudio

void spikestudio_queue_push(void* queue, const std::int32_t* spikes, std::int64_t count) {
    auto* spikeQueue = static_cast<spikestudio::SpikeQueue*>(queue);
    try {
        spikeQueue->push(spikes, count);
    } catch (const std::bad_alloc&) {
        spikeQueue->markOutOfMemory();
    } catch (const std::length_error&) {
        spikeQueue->markOutOfMemory();
    }
}

std::int64_t spikestudio_queue_block(void* queue, std::int64_t block, std::int64_t* first,
                                     const std::int32_t** ids) {
    return static_cast<spikestudio::SpikeQueue*>(queue)->dueBlock(block, first, ids);
}

void spikestudio_queue_advance(void* queue) {
    static_cast<spikestudio::SpikeQueue*>(queue)->advance();
}
