#include "analysis/PowerSpectrum.h"

#include <cmath>
#include <fftw3.h>
#include <memory>
#include <mutex>
#include <numeric>

namespace spikestudio {
namespace {

// FFTW's planner is not thread-safe (fftw_execute is): sweeps compute
// statistics on several threads.
std::mutex& plannerMutex() {
    static std::mutex mutex;
    return mutex;
}

struct FftwFree {
    void operator()(void* memory) const { fftw_free(memory); }
};

} // namespace

std::optional<double> dominantFrequency(std::vector<double> signal, double sampleSpacing,
                                        double smoothingSd) {
    const std::size_t n = signal.size();
    if (n < 8 || !(sampleSpacing > 0))
        return std::nullopt;
    const double mean = std::accumulate(signal.begin(), signal.end(), 0.0) / double(n);
    for (double& value : signal)
        value -= mean;
    const std::size_t bins = n / 2 + 1;
    std::unique_ptr<fftw_complex, FftwFree> spectrum(
        static_cast<fftw_complex*>(fftw_malloc(sizeof(fftw_complex) * bins)));
    if (!spectrum)
        return std::nullopt;
    fftw_plan plan;
    {
        std::lock_guard lock(plannerMutex());
        plan = fftw_plan_dft_r2c_1d(int(n), signal.data(), spectrum.get(), FFTW_ESTIMATE);
    }
    if (!plan)
        return std::nullopt;
    fftw_execute(plan);
    {
        std::lock_guard lock(plannerMutex());
        fftw_destroy_plan(plan);
    }
    std::size_t peak = 0;
    double peakPower = 0.0;
    const double kTwoPi = 6.283185307179586;
    for (std::size_t k = 1; k < bins; ++k) {
        const double frequency = double(k) / (double(n) * sampleSpacing);
        // A Gaussian's transform: the smoothed signal's power is this times the raw power.
        const double smoothing = std::exp(-std::pow(kTwoPi * frequency * smoothingSd, 2));
        const double power = smoothing * (spectrum.get()[k][0] * spectrum.get()[k][0] +
                                          spectrum.get()[k][1] * spectrum.get()[k][1]);
        if (power > peakPower) {
            peakPower = power;
            peak = k;
        }
    }
    if (peak == 0)
        return std::nullopt;
    return double(peak) / (double(n) * sampleSpacing);
}

} // namespace spikestudio
