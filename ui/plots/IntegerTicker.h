#pragma once

#include <qcustomplot.h>

namespace spikestudio {

/// Ticks at whole numbers only, for neuron and synapse indices: a group of
/// 8 neurons reads 0, 2, 4, 6 (never 7.5), a single neuron reads 0.
class IntegerTicker : public QCPAxisTicker {
protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double tickStep) override;
};

} // namespace spikestudio
