#include "analysis/SpikeDistributions.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace spikestudio {
namespace {

/// Each neuron's spike times in order, from the record's time-ordered events.
std::vector<std::vector<double>> spikeTimesByNeuron(const SpikeRecord& record) {
    std::vector<std::vector<double>> trains(record.countPerNeuron.size());
    for (std::size_t k = 0; k < trains.size(); ++k)
        trains[k].reserve(std::size_t(std::max<std::int64_t>(0, record.countPerNeuron[k])));
    for (std::size_t e = 0; e < record.indices.size() && e < record.times.size(); ++e) {
        const auto neuron = std::size_t(record.indices[e]);
        if (neuron < trains.size())
            trains[neuron].push_back(record.times[e]);
    }
    return trains;
}

void appendIntervals(const std::vector<double>& train, std::vector<double>& intervals) {
    for (std::size_t k = 1; k < train.size(); ++k)
        intervals.push_back(train[k] - train[k - 1]);
}

} // namespace

std::vector<double> neuronRates(const SpikeRecord& record, double duration) {
    std::vector<double> rates;
    if (duration <= 0)
        return rates;
    rates.reserve(record.countPerNeuron.size());
    for (const std::int64_t count : record.countPerNeuron)
        rates.push_back(double(count) / duration);
    return rates;
}

std::vector<double> interSpikeIntervals(const SpikeRecord& record) {
    std::vector<double> intervals;
    for (const std::vector<double>& train : spikeTimesByNeuron(record))
        appendIntervals(train, intervals);
    return intervals;
}

std::vector<double> neuronIsiCvs(const SpikeRecord& record) {
    std::vector<double> cvs;
    std::vector<double> intervals;
    for (const std::vector<double>& train : spikeTimesByNeuron(record)) {
        if (train.size() < 3)
            continue;
        intervals.clear();
        appendIntervals(train, intervals);
        const double n = double(intervals.size());
        const double mean = std::accumulate(intervals.begin(), intervals.end(), 0.0) / n;
        double squares = 0.0;
        for (const double interval : intervals)
            squares += (interval - mean) * (interval - mean);
        if (mean > 0)
            cvs.push_back(std::sqrt(squares / n) / mean);
    }
    return cvs;
}

} // namespace spikestudio
