#include "run/LiveRecords.h"

namespace spikestudio {

namespace {

template <typename T> void appendTail(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin() + static_cast<std::ptrdiff_t>(to.size()), from.end());
}

} // namespace

void LiveRecords::shapeLike(const RunResults& results) {
    std::lock_guard lock(mutex_);
    copy_ = {};
    for (const SpikeRecord& record : results.spikes) {
        SpikeRecord& copy = copy_.spikes.emplace_back();
        static_cast<MonitorRecord&>(copy) = record;
        copy.countPerNeuron.assign(record.countPerNeuron.size(), 0);
        copy.columns = record.columns;
        copy.keepsEvents = record.keepsEvents;
    }
    for (const StateRecord& record : results.states) {
        StateRecord& copy = copy_.states.emplace_back();
        static_cast<MonitorRecord&>(copy) = record;
        copy.columns = record.columns;
    }
    for (const RateRecord& record : results.rates) {
        RateRecord& copy = copy_.rates.emplace_back();
        static_cast<MonitorRecord&>(copy) = record;
    }
}

void LiveRecords::appendNewFrom(const RunResults& results) {
    std::lock_guard lock(mutex_);
    for (size_t k = 0; k < copy_.spikes.size(); ++k) {
        const SpikeRecord& from = results.spikes[k];
        SpikeRecord& to = copy_.spikes[k];
        if (!to.keepsEvents) { // counts alone: the counts so far
            to.countPerNeuron = from.countPerNeuron;
            continue;
        }
        for (size_t s = to.indices.size(); s < from.indices.size(); ++s)
            ++to.countPerNeuron[static_cast<size_t>(from.indices[s])];
        appendTail(to.indices, from.indices);
        appendTail(to.times, from.times);
        appendTail(to.values, from.values);
    }
    for (size_t k = 0; k < copy_.states.size(); ++k) {
        appendTail(copy_.states[k].times, results.states[k].times);
        appendTail(copy_.states[k].values, results.states[k].values);
    }
    for (size_t k = 0; k < copy_.rates.size(); ++k) {
        appendTail(copy_.rates[k].times, results.rates[k].times);
        appendTail(copy_.rates[k].rates, results.rates[k].rates);
    }
}

} // namespace spikestudio
