#pragma once

#include <QWidget>
#include <memory>
#include <vector>

class QCustomPlot;
class QCPAxisRect;

namespace spikestudio {

class LiveRaster;
class LiveRate;
class LiveRecords;
class LiveTrace;
struct RunResults;

/// The live view of a run, one panel per monitor record on one time axis:
/// a raster per SpikeMonitor, a rate per PopulationRateMonitor, and a panel
/// per variable of each StateMonitor (each in its own unit), every panel
/// under a header naming its monitor and group. Panels exist only for the
/// monitors the model has. Each refresh adds only the points that are new
/// since the last one; the x axis shows the whole run or a window that
/// scrolls with it, and the rasters thin out for what is in view.
class LivePlot : public QWidget {
    Q_OBJECT

public:
    explicit LivePlot(QWidget* parent = nullptr);
    ~LivePlot() override;

    /// Forgets the previous run's data; `duration` in seconds (0: not known
    /// yet, nothing is drawn). The panels are built at the next refresh.
    void reset(double duration);
    /// Adds what is new in `records` and redraws (call about 30 times a second).
    /// `records` must outlive the plot or the next reset.
    void refresh(const LiveRecords& records, double simulatedTime);

    /// Where the segments of the run's protocol start (seconds, the first at
    /// 0; empty: no protocol), marked on every panel when it is built.
    void setSegmentStarts(std::vector<double> starts) { segmentStarts_ = std::move(starts); }
    /// Seconds shown while following the run; 0 shows the whole run.
    void setScrollingWindow(double seconds);
    double scrollingWindow() const { return window_; }

    QCustomPlot* plot() const { return plot_; }
    /// What the first raster, rate and the traces hold (tests).
    qsizetype spikePoints() const;
    /// Only neurons whose index is a multiple of this are drawn (first raster).
    int neuronStride() const;
    qsizetype ratePoints() const;
    qsizetype tracePoints() const;

private:
    void clear();
    void build(const RunResults& results);
    void showMessage(const QString& message);
    /// The time axes' range for the run's progress (while syncing_).
    void updateRange(double simulatedTime);
    void updatePanels();
    /// Keeps every panel's time axis on the range of `panel`'s.
    void followTimeAxis(QCPAxisRect* panel);
    std::vector<QCPAxisRect*> panels() const;

    QCustomPlot* plot_ = nullptr;
    std::vector<std::unique_ptr<LiveRaster>> rasters_;
    std::vector<std::unique_ptr<LiveRate>> rates_;
    std::vector<std::unique_ptr<LiveTrace>> traces_;
    std::vector<size_t> traceRecords_;  // the state record each trace panel draws
    std::vector<size_t> rasterRecords_; // the spike record each raster draws
    const LiveRecords* records_ = nullptr;
    std::vector<double> segmentStarts_;
    double duration_ = 0.0;
    double window_ = 0.0;
    bool built_ = false;
    bool syncing_ = false; // the plot moves its own axes: no view change to follow
};

} // namespace spikestudio
