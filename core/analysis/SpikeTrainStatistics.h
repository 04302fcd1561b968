#pragma once

#include "runtime/SpikeRecord.h"

#include <cstdint>
#include <optional>
#include <string>

namespace spikestudio {

/// What a SpikeMonitor's spikes say about its neurons over a run:
/// firing rates, regularity, synchrony and rhythm.
struct SpikeTrainStatistics {
    std::string monitor;
    std::int64_t neurons = 0; // recorded neurons
    std::int64_t spikes = 0;
    double duration = 0.0; // seconds the statistics cover
    double rateMean = 0.0; // Hz, over neurons
    double rateSd = 0.0;   // Hz, standard deviation over neurons (population, ddof 0)
    /// Mean over neurons with at least two inter-spike intervals of
    /// SD(ISI)/mean(ISI); 1 for a Poisson process, 0 for a clock.
    std::optional<double> isiCvMean;
    std::int64_t isiCvNeurons = 0;
    /// Variance over mean of the population's spike counts in bins of
    /// kSynchronyBin: about 1 for independent Poisson neurons, larger when
    /// they fire together.
    std::optional<double> fanoFactor;
    /// The frequency (Hz) with the most power in the spectrum of the
    /// population's spike count (bins of kSpectrumBin, mean removed, smoothed
    /// by kSpectrumSmoothing); nothing without spikes or with fewer than 8 bins.
    std::optional<double> dominantFrequency;
};

// Bin widths in seconds (wider for runs longer than 4,194,304 bins).
inline constexpr double kSynchronyBin = 5e-3;
inline constexpr double kSpectrumBin = 1e-3; // frequencies up to 500 Hz
// The population rate is smoothed (Gaussian, this SD in seconds) before its
// spectrum is taken, as the rate plots smooth it.
inline constexpr double kSpectrumSmoothing = 1e-3;

/// The statistics of `record` over the first `duration` seconds of the run.
SpikeTrainStatistics spikeTrainStatistics(const SpikeRecord& record, double duration);

} // namespace spikestudio
