#include "analysis/SpikeTrainStatistics.h"

#include "analysis/PowerSpectrum.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace spikestudio {
namespace {

struct MeanAndSd {
    double mean = 0.0;
    double sd = 0.0;
};

template <typename Values> MeanAndSd meanAndSd(const Values& values) {
    MeanAndSd result;
    if (values.empty())
        return result;
    const double n = double(values.size());
    result.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
    double squares = 0.0;
    for (const auto value : values)
        squares += (double(value) - result.mean) * (double(value) - result.mean);
    result.sd = std::sqrt(squares / n);
    return result;
}

/// Each neuron's spike times in order, from the record's time-ordered events.
std::vector<std::vector<double>> spikeTimesByNeuron(const SpikeRecord& record) {
    std::vector<std::vector<double>> trains(record.countPerNeuron.size());
    for (std::size_t k = 0; k < trains.size(); ++k)
        trains[k].reserve(std::size_t(record.countPerNeuron[k]));
    for (std::size_t e = 0; e < record.indices.size(); ++e) {
        const auto neuron = std::size_t(record.indices[e]);
        if (neuron < trains.size())
            trains[neuron].push_back(record.times[e]);
    }
    return trains;
}

void addRegularity(const SpikeRecord& record, SpikeTrainStatistics& statistics) {
    std::vector<double> cvs;
    std::vector<double> intervals;
    for (const std::vector<double>& train : spikeTimesByNeuron(record)) {
        if (train.size() < 3)
            continue;
        intervals.clear();
        for (std::size_t k = 1; k < train.size(); ++k)
            intervals.push_back(train[k] - train[k - 1]);
        const MeanAndSd isi = meanAndSd(intervals);
        if (isi.mean > 0)
            cvs.push_back(isi.sd / isi.mean);
    }
    statistics.isiCvNeurons = std::int64_t(cvs.size());
    if (!cvs.empty())
        statistics.isiCvMean = meanAndSd(cvs).mean;
}

// At most this many bins (32 MiB of counts): long runs get wider bins.
constexpr double kMaxBins = double(1 << 22);

/// The population's spike count in bins of `width` covering [0, duration);
/// `width` grows for runs longer than kMaxBins of it.
std::vector<double> populationCounts(const SpikeRecord& record, double duration, double& width) {
    width = std::max(width, duration / kMaxBins);
    const auto bins = std::size_t(std::floor(duration / width + 1e-9));
    std::vector<double> counts(bins, 0.0);
    for (const double t : record.times) {
        const auto bin = std::size_t(std::max(0.0, std::floor(t / width + 1e-9)));
        if (bin < bins)
            counts[bin] += 1.0;
    }
    return counts;
}

} // namespace

SpikeTrainStatistics spikeTrainStatistics(const SpikeRecord& record, double duration) {
    SpikeTrainStatistics statistics;
    statistics.monitor = record.monitor;
    statistics.neurons = std::int64_t(record.countPerNeuron.size());
    statistics.spikes = std::int64_t(record.indices.size());
    statistics.duration = duration;
    if (duration <= 0 || statistics.neurons == 0)
        return statistics;
    std::vector<double> rates;
    rates.reserve(record.countPerNeuron.size());
    for (const std::int64_t count : record.countPerNeuron)
        rates.push_back(double(count) / duration);
    const MeanAndSd rate = meanAndSd(rates);
    statistics.rateMean = rate.mean;
    statistics.rateSd = rate.sd;
    addRegularity(record, statistics);
    double synchronyBin = kSynchronyBin;
    const std::vector<double> synchronyCounts = populationCounts(record, duration, synchronyBin);
    const MeanAndSd counts = meanAndSd(synchronyCounts);
    if (synchronyCounts.size() >= 2 && counts.mean > 0)
        statistics.fanoFactor = counts.sd * counts.sd / counts.mean;
    if (statistics.spikes > 0) {
        double spectrumBin = kSpectrumBin;
        std::vector<double> counts = populationCounts(record, duration, spectrumBin);
        statistics.dominantFrequency =
            dominantFrequency(std::move(counts), spectrumBin, kSpectrumSmoothing);
    }
    return statistics;
}

} // namespace spikestudio
