#pragma once

#include "sweep/SweepController.h"
#include "sweep/SweepRequest.h"
#include "sweep/SweepTile.h"

#include <QElapsedTimer>
#include <QWidget>
#include <optional>
#include <vector>

class QGridLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QScrollArea;
class QTimer;
class QVBoxLayout;

namespace spikestudio {

class SweepSummaryPlot;

/// A sweep as it runs: a tile per variant (small multiples of the first
/// SpikeMonitor, a raster or the population rate, chosen once for the
/// sweep), filled as variants end; a 2-D grid sweep as a matrix with its
/// axes' values along the sides, anything else as rows of labelled tiles.
/// Above them the progress (n of m, elapsed) and Cancel, which keeps what
/// ended. A click on a tile asks for that run's plots (runActivated).
class SweepView : public QWidget {
    Q_OBJECT

public:
    explicit SweepView(QWidget* parent = nullptr);

    /// Starts `request`, stored in `projectPath`; an error message, or "".
    QString start(SweepRequest request, const std::string& projectPath);
    void cancel();
    bool isRunning() const { return controller_->isRunning(); }

    SweepController& controller() const { return *controller_; }
    const std::vector<SweepTile*>& tiles() const { return tiles_; }
    int endedCount() const { return ended_; }
    QString progressText() const;
    /// Under the tiles once the sweep ended: the summary plot of its statistics
    /// against the swept constants (a click on a point shows its first run).
    QWidget* summaryPlace() const { return summaryPlace_; }
    SweepSummaryPlot* summary() const { return summary_; }

signals:
    /// A tile was clicked: show run `runId` of project `projectPath`.
    void runActivated(const QString& projectPath, qint64 runId);
    /// A variant ended (its run is stored).
    void variantStored();
    /// The sweep ended or was cancelled.
    void sweepEnded();

private:
    void clearTiles();
    void layOutTiles(const SweepPlan& plan);
    void layOutMatrix(const SweepPlan& plan);
    void layOutRows(const SweepPlan& plan);
    SweepTile* addTile(std::size_t variant, const QString& label, const QString& description,
                       int row, int column);
    QLabel* addHeader(const QString& text, int row, int column, int rowSpan, int columnSpan,
                      Qt::Alignment alignment);
    void showResult(const SweepVariantResult& result);
    void chooseDrawing(const SweepThumbnail& first);
    void showEnd(bool cancelled);
    void clearSummary();
    void showSummary();
    void updateProgress();
    void updateTitle();
    void activate(std::size_t variant);

    SweepController* controller_;
    QLabel* title_;
    QLabel* progress_;
    QProgressBar* bar_;
    QPushButton* cancelButton_;
    QLabel* note_;
    QScrollArea* scroll_;
    QWidget* tilesArea_;
    QGridLayout* grid_;
    QWidget* summaryPlace_;
    SweepSummaryPlot* summary_ = nullptr;
    QTimer* clock_;
    QElapsedTimer elapsed_;
    std::vector<SweepTile*> tiles_;
    std::optional<SweepTile::Drawing> drawing_;
    double rateScale_ = 0.0;
    QString sweepTitle_;   // "Sweep 3 of we × wi"
    QString drawingTitle_; // what the tiles draw
    int ended_ = 0;
    std::size_t variants_ = 0;
};

} // namespace spikestudio
