#include "runtime/MemoryWatch.h"

#include "diagnostics/ModelError.h"
#include "diagnostics/SizeText.h"
#include "expr/ExprText.h"
#include "runtime/Network.h"

#include <cmath>

namespace spikestudio {

namespace {

double spikeRecordPeak(const SpikeRecord& record) {
    const double held = 4.0 * static_cast<double>(record.indices.capacity()) +
                        8.0 * static_cast<double>(record.times.capacity()) +
                        8.0 * static_cast<double>(record.values.capacity());
    const double perEvent = 12.0 + 8.0 * static_cast<double>(record.columns.size());
    const double oneStep = perEvent * static_cast<double>(record.countPerNeuron.size());
    return 3.0 * held + 2.0 * oneStep;
}

double queuePeak(const SpikeQueue& queue) {
    const double oneStep = 4.0 * static_cast<double>(queue.synapseCount());
    return 3.0 * static_cast<double>(queue.growingBytes()) + 2.0 * oneStep;
}

} // namespace

void MemoryWatch::limitTo(double headroomBytes, std::string limit) {
    headroom_ = headroomBytes;
    limit_ = std::move(limit);
    problem_.reset();
}

bool MemoryWatch::keepGoing(const Network& network) {
    if (problem_)
        return false;
    double total = 0.0, largest = 0.0;
    const SpikeRecord* largestRecord = nullptr;
    const SynapseState* largestQueue = nullptr;
    for (const SynapseState& synapses : network.synapses())
        for (const SpikeQueue& queue : synapses.queues) {
            if (queue.outOfMemory())
                return stop(network, {0.0, synapses.name, "delay",
                                      "the spikes in flight to its synapses found no memory"});
            const double bytes = queuePeak(queue);
            total += bytes;
            if (bytes > largest)
                largest = bytes, largestQueue = &synapses;
        }
    if (std::isinf(headroom_))
        return true;
    for (const SpikeRecord& record : network.spikeRecords()) {
        const double bytes = spikeRecordPeak(record);
        total += bytes;
        if (bytes > largest)
            largest = bytes, largestRecord = &record, largestQueue = nullptr;
    }
    if (total <= headroom_)
        return true;
    const std::string soon = " would soon need more than the " + formatBytes(headroom_) +
                             " left after building the model";
    if (largestRecord)
        return stop(network,
                    {largest, largestRecord->monitor, "source",
                     "the " + formatCount(static_cast<double>(largestRecord->indices.size())) +
                         " spikes of '" + largestRecord->source + "' recorded so far" + soon});
    return stop(network, {largest, largestQueue ? largestQueue->name : "model", "delay",
                          "the spikes in flight" + soon});
}

bool MemoryWatch::stop(const Network& network, const Grower& cause) {
    problem_ = ModelError({cause.object, cause.field, 0, 0},
                          "the run stopped at t = " + formatNumber(network.scheduler().time()) +
                              " s: " + cause.what + (limit_.empty() ? "" : "; " + limit_))
                   .what();
    return false;
}

} // namespace spikestudio
