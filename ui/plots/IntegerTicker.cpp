#include "plots/IntegerTicker.h"

#include <cmath>

namespace spikestudio {

double IntegerTicker::getTickStep(const QCPRange& range) {
    // The base step is 1, 2, 2.5 or 5 times a power of ten; 2.5 becomes 2.
    return std::max(1.0, std::floor(QCPAxisTicker::getTickStep(range) + 1e-9));
}

int IntegerTicker::getSubTickCount(double tickStep) {
    if (tickStep <= 5.0) // a sub-tick on every whole number in between
        return std::max(0, int(std::lround(tickStep)) - 1);
    return QCPAxisTicker::getSubTickCount(tickStep);
}

} // namespace spikestudio
