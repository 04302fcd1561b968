#include "runtime/RateSmoothing.h"

#include <cmath>
#include <stdexcept>

namespace spikestudio {

namespace {

std::vector<double> windowOf(RateWindow window, double dt, double width) {
    std::vector<double> weights;
    if (window == RateWindow::Flat) {
        const long long steps = static_cast<long long>(width / 2 / dt) * 2 + 1;
        weights.assign(static_cast<size_t>(steps), 1.0);
    } else {
        // The window's size is rounded; the Gaussian's deviation is not.
        const long long half = std::llround(2 * width / dt);
        const double sigma = width / dt;
        for (long long k = -half; k <= half; ++k)
            weights.push_back(std::exp(-static_cast<double>(k * k) * 1.0 / (2 * sigma * sigma)));
    }
    double sum = 0.0;
    for (double w : weights)
        sum += w;
    for (double& w : weights)
        w = w * 1.0 / sum;
    return weights;
}

} // namespace

std::vector<double> smoothRate(const std::vector<double>& rate, double dt, RateWindow window,
                               double width) {
    if (!(width > 0.0) || !(dt > 0.0))
        throw std::invalid_argument("the smoothing width and dt must be positive");
    const std::vector<double> weights = windowOf(window, dt, width);
    const auto n = static_cast<long long>(rate.size());
    const auto m = static_cast<long long>(weights.size());
    const long long centre = (m - 1) / 2;
    std::vector<double> smoothed(rate.size(), 0.0);
    for (long long out = 0; out < n; ++out) {
        double sum = 0.0;
        for (long long k = 0; k < m; ++k) {
            const long long in = out + centre - k;
            if (in >= 0 && in < n)
                sum += rate[static_cast<size_t>(in)] * weights[static_cast<size_t>(k)];
        }
        smoothed[static_cast<size_t>(out)] = sum;
    }
    return smoothed;
}

} // namespace spikestudio
