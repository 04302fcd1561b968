#include "run/LiveRecords.h"

#include "runtime/Network.h"

namespace spikestudio {

namespace {

template <typename T> void appendTail(std::vector<T>& to, const std::vector<T>& from) {
    to.insert(to.end(), from.begin() + static_cast<std::ptrdiff_t>(to.size()), from.end());
}

} // namespace

void LiveRecords::shapeLike(const Network& network) {
    std::lock_guard lock(mutex_);
    spikes_.clear();
    states_.clear();
    rates_.clear();
    for (const SpikeRecord& record : network.spikeRecords()) {
        SpikeRecord& copy = spikes_.emplace_back();
        static_cast<MonitorRecord&>(copy) = record;
        copy.countPerNeuron.assign(record.countPerNeuron.size(), 0);
        copy.columns = record.columns;
    }
    for (const StateRecord& record : network.stateRecords()) {
        StateRecord& copy = states_.emplace_back();
        static_cast<MonitorRecord&>(copy) = record;
        copy.columns = record.columns;
    }
    for (const RateRecord& record : network.rateRecords()) {
        RateRecord& copy = rates_.emplace_back();
        static_cast<MonitorRecord&>(copy) = record;
    }
}

void LiveRecords::appendNewFrom(const Network& network) {
    std::lock_guard lock(mutex_);
    for (size_t k = 0; k < spikes_.size(); ++k) {
        const SpikeRecord& from = network.spikeRecords()[k];
        SpikeRecord& to = spikes_[k];
        for (size_t s = to.indices.size(); s < from.indices.size(); ++s)
            ++to.countPerNeuron[static_cast<size_t>(from.indices[s])];
        appendTail(to.indices, from.indices);
        appendTail(to.times, from.times);
        appendTail(to.values, from.values);
    }
    for (size_t k = 0; k < states_.size(); ++k) {
        appendTail(states_[k].times, network.stateRecords()[k].times);
        appendTail(states_[k].values, network.stateRecords()[k].values);
    }
    for (size_t k = 0; k < rates_.size(); ++k) {
        appendTail(rates_[k].times, network.rateRecords()[k].times);
        appendTail(rates_[k].rates, network.rateRecords()[k].rates);
    }
}

} // namespace spikestudio
