#pragma once

#include "sweep/SweepSummaryPoints.h"
#include "sweepresults/SweepResultTable.h"

#include <QList>
#include <QPoint>
#include <QWidget>
#include <cstdint>
#include <string>
#include <vector>

class QComboBox;
class QCPMarginGroup;
class QCustomPlot;
class QLabel;
class QMouseEvent;
class QPushButton;

namespace spikestudio {

/// A sweep's summary: any statistic (chosen from a list) against the swept
/// constants. One constant (or zipped ones): the mean over seeds as a line
/// with points and error bars of ± one standard deviation; a grid of two: a
/// heat map, one cell per pair of values, with a colour scale in the
/// statistic's unit. A logarithmic range gets a logarithmic axis. Clicking a
/// point or cell emits its runs; the plot (PNG, SVG, PDF, JPEG) and the
/// table (CSV) can be exported.
class SweepSummaryPlot : public QWidget {
    Q_OBJECT

public:
    /// Plottable names, for finding them again (tests).
    static constexpr const char* kMean = "mean";
    static constexpr const char* kSpread = "standard deviation";
    static constexpr const char* kHeatMap = "heat map";

    SweepSummaryPlot(SweepResultTable table, const QString& title, QWidget* parent = nullptr);
    /// The summary of sweep `sweepId` of the project at `projectPath`, as a
    /// window of its own. Throws UserError when it cannot be read.
    static SweepSummaryPlot* open(const std::string& projectPath, std::int64_t sweepId,
                                  QWidget* parent = nullptr);

    const SweepResultTable& table() const { return table_; }
    /// The statistics to choose from (column headers, "spikes.rate_mean [Hz]").
    QStringList statistics() const;
    QString shownStatistic() const;
    /// Shows the statistic with this header; false when there is none.
    bool showStatistic(const QString& header);
    /// What is drawn, in SI.
    const std::vector<SweepSummaryPoint>& points() const { return points_; }
    QCustomPlot* plot() const { return plot_; }
    /// Where point `k` of points() is drawn, in the plot's pixels.
    QPoint pixelOf(std::size_t k) const;

    /// Saves the plot by the extension of `path`; an error message, or "".
    QString exportPlot(const QString& path);
    /// Writes the table as CSV (what `export --sweep` writes as summary.csv).
    QString exportTable(const QString& path);

signals:
    /// A point or cell was clicked: the stored runs of that variant (one per seed).
    void runsChosen(const QList<qint64>& runIds);

private:
    void redraw();
    void drawLine(const SweepStatisticColumn& column);
    void drawHeatMap(const SweepStatisticColumn& column);
    void pointClicked(QMouseEvent* event);
    int nearestPoint(const QPoint& pixel) const;

    SweepResultTable table_;
    std::vector<SweepStatisticColumn> columns_;
    std::vector<SweepSummaryPoint> points_;
    QPoint pressedAt_;
    QComboBox* statistic_;
    QLabel* note_;
    QCustomPlot* plot_;
    QCPMarginGroup* margins_ = nullptr;
    QPushButton* exportPlot_;
    QPushButton* exportTable_;
};

} // namespace spikestudio
