#pragma once

#include "plots/LivePanel.h"

class QCPGraph;

namespace spikestudio {

struct RateRecord;

/// The live population rate of one PopulationRateMonitor: a histogram of
/// 1 ms bins (the monitor's steps summed), its axis from 0 Hz to the top.
class LiveRate {
public:
    LiveRate(QCustomPlot& plot, int row, QCPMarginGroup* margins, const RateRecord& record);

    /// Adds the bins completed since the last call.
    void update(const RateRecord& record);

    QCPAxisRect* panel() const { return panel_.axes; }
    PanelHeader* header() const { return panel_.header; }
    qsizetype points() const;

private:
    LivePanel panel_;
    QCPGraph* graph_ = nullptr;
    size_t shown_ = 0;
    double sum_ = 0.0; // of the rate samples of the current bin
    int samples_ = 0;
};

} // namespace spikestudio
