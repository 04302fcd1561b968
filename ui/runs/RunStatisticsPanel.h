#pragma once

#include "analysis/RunStatistics.h"
#include "runtime/RunResults.h"

#include <QWidget>
#include <cstdint>
#include <optional>
#include <string>

class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QTableWidget;

namespace spikestudio {

/// The Runs tab's view of one run's statistics (docs/run-statistics.md):
/// the figures stored with it, or for a run stored before statistics
/// existed, computed from its records when asked (shown, not stored); and,
/// for a chosen SpikeMonitor, histograms of the per-neuron firing rates, the
/// inter-spike intervals and the per-neuron ISI CVs, computed from the
/// records when asked.
class RunStatisticsPanel : public QWidget {
    Q_OBJECT

public:
    /// Plottable names of the histograms, for finding them again (tests).
    static constexpr const char* kRates = "rates";
    static constexpr const char* kIntervals = "inter-spike intervals";
    static constexpr const char* kCvs = "ISI CVs";

    explicit RunStatisticsPanel(QWidget* parent = nullptr);

    /// Shows run `runId` of the project (0: none).
    void setRun(const std::string& projectPath, std::int64_t runId);
    /// The statistics shown (stored or computed); nothing when none.
    const std::optional<RunStatistics>& statistics() const { return statistics_; }
    /// Whether the statistics shown were computed here rather than stored.
    bool computed() const { return computed_; }
    /// The rows of the table: "spikes.rate_mean [Hz]" → "5.61525".
    QString valueOf(const QString& statistic) const;
    QString noteText() const;

    /// Computes the statistics of a run stored without them (not stored); an
    /// error message, or "".
    QString computeStatistics();
    /// Reads the run's records and draws the histograms of `monitor` ("":
    /// the one chosen); an error message, or "".
    QString showHistograms(const QString& monitor = {});
    QCustomPlot* histogramPlot() const { return plot_; }

private:
    void showStatistics();
    QString loadRecords();
    void drawHistograms(const SpikeRecord& record, double duration);

    std::string projectPath_;
    std::int64_t runId_ = 0;
    double simulatedTime_ = 0.0;
    std::optional<RunStatistics> statistics_;
    bool computed_ = false;
    std::optional<RunResults> records_; // read once per run, when first needed
    QLabel* note_;
    QTableWidget* table_;
    QPushButton* compute_;
    QComboBox* monitor_;
    QPushButton* histograms_;
    QCustomPlot* plot_;
};

} // namespace spikestudio
