#pragma once

#include <QString>
#include <QWidget>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

class QLabel;
class QPushButton;
class QTableWidget;

namespace spikestudio {

class RunStatisticsPanel;

/// The runs kept in the open project: when each started, its status, duration,
/// seed and spike count (and, in the scratch project, which model it ran).
/// Show a run's plots again, overlay two runs' plots, export a run as CSV
/// (the same files `spikestudio export` writes, in a folder per run) or
/// delete it. Below the list, the selected run's statistics and histograms
/// (RunStatisticsPanel); for a run of a sweep, the sweep's summary plot.
class RunsBrowser : public QWidget {
    Q_OBJECT

public:
    explicit RunsBrowser(QWidget* parent = nullptr);

    /// The project to list ("" for none: the list is empty). A scratch
    /// project (runs made with no project open) says so above the list.
    void setProjectPath(const std::string& path, bool scratch = false);
    /// Re-reads the project (after a run ended).
    void refresh();

    /// The id of the selected run when exactly one is selected, or 0.
    std::int64_t selectedRun() const;
    /// The ids of every selected run, in the order listed.
    std::vector<std::int64_t> selectedRuns() const;
    void selectRun(std::int64_t id);
    void selectRuns(const std::vector<std::int64_t>& ids);
    int runCount() const;

    // The buttons' actions, callable directly (tests, menus). Each returns an
    // error message, or an empty string.
    /// Writes the selected run's CSV files into `directory`/run-ID, asking
    /// first (a message box naming them) when that would replace files; says
    /// what it wrote where (exported, lastExport).
    QString exportSelected(const QString& directory);
    /// What the last export wrote where, or why it wrote nothing.
    QString lastExport() const;
    QString deleteSelected();
    /// Opens a window with the selected run's raster, rate and traces.
    QWidget* showSelected();
    /// Opens a window with the two selected runs' plots overlaid.
    QWidget* overlaySelected();
    /// Opens the connectivity view of the selected run's model and seed.
    QWidget* connectivitySelected();
    /// Opens the summary plot of the sweep the selected runs belong to.
    QWidget* sweepSummarySelected();
    /// The sweep a run belongs to, or 0.
    std::int64_t sweepOf(std::int64_t runId) const;
    RunStatisticsPanel* statisticsPanel() const { return statistics_; }

signals:
    /// An export finished; `summary` says what was written where.
    void exported(const QString& summary);

private:
    void updateButtons();
    void readSweeps();
    bool mayReplace(const QString& folder, const QStringList& files);
    void showExportNote(const QString& text);

    std::string projectPath_;
    bool scratch_ = false;
    QString lastExportDirectory_;
    QLabel* note_;
    QLabel* exportNote_;
    QTableWidget* table_;
    QPushButton* plotButton_;
    QPushButton* overlayButton_;
    QPushButton* exportButton_;
    QPushButton* deleteButton_;
    QPushButton* connectivityButton_;
    QPushButton* sweepButton_;
    RunStatisticsPanel* statistics_;
    std::int64_t shownStatistics_ = -1; // the run the panel shows
    std::map<std::int64_t, std::pair<std::int64_t, std::int64_t>> sweeps_; // run: sweep, variant
};

} // namespace spikestudio
