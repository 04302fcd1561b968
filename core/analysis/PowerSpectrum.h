#pragma once

#include <optional>
#include <vector>

namespace spikestudio {

/// The frequency (Hz) of the largest peak of the power spectrum of `signal`
/// (sampled every `sampleSpacing` seconds, its mean removed) after smoothing
/// it with a Gaussian of standard deviation `smoothingSd` seconds (0: none),
/// leaving out 0 Hz; nothing for fewer than 8 samples or a constant signal.
/// Smoothing makes a train of sharp pulses peak at its rhythm rather than at
/// one of its harmonics, whose power would otherwise be the same.
/// FFTW computes the transform; safe to call from several threads at once.
std::optional<double> dominantFrequency(std::vector<double> signal, double sampleSpacing,
                                        double smoothingSd = 0.0);

} // namespace spikestudio
