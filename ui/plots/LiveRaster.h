#pragma once

#include "plots/LivePanel.h"

#include <QString>
#include <limits>

class QCPGraph;

namespace spikestudio {

struct SpikeRecord;

/// The live raster of one SpikeMonitor. It draws the spikes in the panel's
/// view: every neuron while the dots fit the budget, else every 2nd, 4th, ...
/// (RasterDecimation), decided afresh whenever the view moves, zooms or
/// scrolls, so that a short window of a long run shows every neuron again.
/// New spikes are added as they come; spikes far outside the view are let go.
class LiveRaster {
public:
    /// Dots in view past which neurons are skipped.
    static constexpr double kSpikeBudget = 20000;

    /// The header in row `row`, the panel in `row + 1`, shaped for `record`'s group.
    LiveRaster(QCustomPlot& plot, int row, QCPMarginGroup* margins, const SpikeRecord& record);

    /// Draws `record` for the panel's current view.
    void update(const SpikeRecord& record);

    QCPAxisRect* panel() const { return panel_.axes; }
    PanelHeader* header() const { return panel_.header; }
    QCPGraph* graph() const { return graph_; }
    /// Only neurons whose index is a multiple of this are drawn.
    int stride() const { return stride_; }
    qsizetype points() const;

private:
    void redraw(const SpikeRecord& record, double from, double to);
    void append(const SpikeRecord& record, size_t first, size_t last);
    double visibleNeuronShare() const;
    void showStride();

    static constexpr double kInfinity = std::numeric_limits<double>::infinity();

    LivePanel panel_;
    QCPGraph* graph_ = nullptr;
    QString caption_;
    double neurons_ = 0.0;
    int stride_ = 1;
    double coveredFrom_ = -kInfinity; // the graph holds every drawn spike in this range
    double coveredTo_ = kInfinity;    // infinity: it follows the run
    size_t appended_ = 0;             // spikes of the record looked at so far
};

} // namespace spikestudio
