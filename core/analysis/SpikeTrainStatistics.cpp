#include "analysis/SpikeTrainStatistics.h"

#include "analysis/PowerSpectrum.h"
#include "analysis/SpikeDistributions.h"

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

void addRegularity(const SpikeRecord& record, SpikeTrainStatistics& statistics) {
    const std::vector<double> cvs = neuronIsiCvs(record);
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
    statistics.spikes = record.eventCount();
    statistics.duration = duration;
    if (duration <= 0 || statistics.neurons == 0)
        return statistics;
    const MeanAndSd rate = meanAndSd(neuronRates(record, duration));
    statistics.rateMean = rate.mean;
    statistics.rateSd = rate.sd;
    if (!record.keepsEvents) // counts alone: no spike times for regularity and synchrony
        return statistics;
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
