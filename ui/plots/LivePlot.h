#pragma once

#include <QWidget>

class QCustomPlot;
class QCPAxisRect;
class QCPGraph;

namespace spikestudio {

class LiveRecords;
struct SpikeRecord;

/// The live view of a run: spike raster, population rate and the first state
/// monitor's traces on one time axis, fed from LiveRecords. Each refresh adds
/// only the points that are new since the last one, so a million spikes stay
/// smooth; the x axis shows the whole run or a window that scrolls with it.
class LivePlot : public QWidget {
    Q_OBJECT

public:
    explicit LivePlot(QWidget* parent = nullptr);

    /// Forgets the previous run's data; `duration` in seconds.
    void reset(double duration);
    /// Adds what is new in `records` and redraws (call about 30 times a second).
    void refresh(const LiveRecords& records, double simulatedTime);

    /// Seconds shown while following the run; 0 shows the whole run.
    void setScrollingWindow(double seconds);
    double scrollingWindow() const { return window_; }

    QCustomPlot* plot() const { return plot_; }
    /// Points drawn so far (tests): spikes, rate samples, trace samples.
    qsizetype spikePoints() const;
    /// Only neurons whose index is a multiple of this are drawn (decimation).
    int neuronStride() const;
    qsizetype ratePoints() const;
    qsizetype tracePoints() const;

private:
    void build();
    void updateRange(double simulatedTime);
    void addSpikes(const SpikeRecord& record, size_t from);

    QCustomPlot* plot_ = nullptr;
    QCPAxisRect* raster_ = nullptr;
    QCPAxisRect* rate_ = nullptr;
    QCPAxisRect* traces_ = nullptr;
    QCPGraph* spikes_ = nullptr;
    QCPGraph* rateGraph_ = nullptr;
    QList<QCPGraph*> traceGraphs_;
    double duration_ = 0.0;
    double window_ = 0.0;
    size_t spikesShown_ = 0;
    int neuronStride_ = 1;
    size_t ratesShown_ = 0;
    size_t rowsShown_ = 0;
    double rateSum_ = 0.0; // of the rate samples of the current 1 ms bin
    int rateSamples_ = 0;
    bool shaped_ = false;
};

} // namespace spikestudio
