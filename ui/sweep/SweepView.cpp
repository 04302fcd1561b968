#include "sweep/SweepView.h"

#include "diagnostics/UserError.h"
#include "plots/AxisUnit.h"
#include "storage/Project.h"
#include "sweep/SweepSummaryPlot.h"
#include "sweepresults/StoredSweepResults.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QScrollArea>
#include <QTimer>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

namespace spikestudio {

namespace {

/// At most this many neurons draw as a raster; more as the population rate.
constexpr std::int64_t kMaxRasterNeurons = 1000;

/// Value `k` of `axis` in the unit that suits all its values ("1.62 mV").
QString valueText(const SweepAxis& axis, std::size_t k) {
    double largest = 0.0;
    for (double value : axis.values)
        largest = std::max(largest, std::abs(value));
    const AxisUnit unit = AxisUnit::forData(axis.dimension, largest);
    const QString number = QString::number(axis.values[k] * unit.factor, 'g', 3);
    return unit.label.isEmpty() ? number : number + " " + unit.label;
}

QString seedText(const SweepVariant& variant) {
    return variant.seed ? QObject::tr("seed %1").arg(*variant.seed) : QString();
}

/// "we = 1.62 mV, wi = -9 mV · seed 2".
QString variantLabel(const SweepPlan& plan, std::size_t variant) {
    QStringList values;
    for (std::size_t a = 0; a < plan.axes().size(); ++a)
        values << QString::fromStdString(plan.axes()[a].constant) + " = " +
                      valueText(plan.axes()[a], plan.valueIndex(variant, a));
    const QString seed = seedText(plan.variant(variant));
    return values.join(", ") + (seed.isEmpty() ? QString() : " · " + seed);
}

bool isMatrix(const SweepPlan& plan) {
    return plan.axes().size() == 2 && plan.combination() == SweepCombination::Grid;
}

} // namespace

SweepView::SweepView(QWidget* parent)
    : QWidget(parent), controller_(new SweepController(this)), title_(new QLabel(this)),
      progress_(new QLabel(this)), bar_(new QProgressBar(this)),
      cancelButton_(new QPushButton(tr("Cancel"), this)), note_(new QLabel(this)),
      scroll_(new QScrollArea(this)), tilesArea_(new QWidget), grid_(new QGridLayout(tilesArea_)),
      summaryPlace_(new QWidget(this)), clock_(new QTimer(this)) {
    title_->setObjectName("sweepTitle");
    title_->setWordWrap(true);
    title_->setText(tr("No sweep yet: Run > Sweep… varies constants and shows every run here."));
    progress_->setObjectName("sweepProgress");
    bar_->setObjectName("sweepBar");
    bar_->setTextVisible(false);
    bar_->setMaximumHeight(8);
    cancelButton_->setObjectName("sweepCancel");
    cancelButton_->setToolTip(tr("Stop the sweep: runs that ended stay stored and shown"));
    cancelButton_->setEnabled(false);
    note_->setObjectName("sweepNote");
    note_->setWordWrap(true);
    note_->setStyleSheet("color: palette(mid)");
    note_->hide();
    grid_->setSpacing(4);
    scroll_->setWidget(tilesArea_);
    scroll_->setWidgetResizable(true);
    scroll_->setFrameShape(QFrame::NoFrame);
    // The summary plot (SweepSummaryPlot) goes here, under the tiles.
    summaryPlace_->setObjectName("sweepSummaryPlace");
    auto* summaryLayout = new QVBoxLayout(summaryPlace_);
    summaryLayout->setContentsMargins(0, 0, 0, 0);
    summaryPlace_->hide();

    auto* status = new QHBoxLayout;
    status->addWidget(progress_, 1);
    status->addWidget(cancelButton_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(title_);
    layout->addLayout(status);
    layout->addWidget(bar_);
    layout->addWidget(note_);
    layout->addWidget(scroll_, 3);
    layout->addWidget(summaryPlace_, 2);

    clock_->setInterval(500);
    connect(clock_, &QTimer::timeout, this, &SweepView::updateProgress);
    connect(cancelButton_, &QPushButton::clicked, this, &SweepView::cancel);
    connect(controller_, &SweepController::variantEnded, this, &SweepView::showResult);
    connect(controller_, &SweepController::finished, this, &SweepView::showEnd);
}

QString SweepView::start(SweepRequest request, const std::string& projectPath) {
    if (controller_->isRunning())
        return tr("A sweep is still going on.");
    const SweepPlan plan = request.plan;
    const QString problem = controller_->start(std::move(request), projectPath);
    if (!problem.isEmpty())
        return problem;
    clearTiles();
    clearSummary();
    variants_ = plan.variantCount();
    QStringList varied;
    for (const SweepAxis& axis : plan.axes())
        varied << QString::fromStdString(axis.constant);
    sweepTitle_ = tr("Sweep %1 of %2").arg(controller_->sweepId()).arg(varied.join(" × "));
    drawingTitle_.clear();
    updateTitle();
    layOutTiles(plan);
    note_->hide();
    cancelButton_->setEnabled(true);
    bar_->setRange(0, int(variants_));
    elapsed_.start();
    clock_->start();
    updateProgress();
    return {};
}

void SweepView::cancel() {
    if (!controller_->isRunning())
        return;
    controller_->cancel();
    cancelButton_->setEnabled(false);
    note_->setText(tr("Cancelling: the running variants stop, no more start."));
    note_->show();
}

QString SweepView::progressText() const {
    if (variants_ == 0)
        return {};
    const qint64 seconds = elapsed_.isValid() ? elapsed_.elapsed() / 1000 : 0;
    return tr("%1 of %2 runs ended · %3:%4 elapsed")
        .arg(ended_)
        .arg(variants_)
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QChar('0'));
}

void SweepView::updateProgress() {
    progress_->setText(progressText());
    bar_->setValue(ended_);
}

void SweepView::clearTiles() {
    while (QLayoutItem* item = grid_->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (int c = 0; c < grid_->columnCount(); ++c)
        grid_->setColumnStretch(c, 0);
    for (int r = 0; r < grid_->rowCount(); ++r)
        grid_->setRowStretch(r, 0);
    tiles_.clear();
    drawing_.reset();
    rateScale_ = 0.0;
    ended_ = 0;
}

void SweepView::layOutTiles(const SweepPlan& plan) {
    tiles_.assign(plan.variantCount(), nullptr);
    isMatrix(plan) ? layOutMatrix(plan) : layOutRows(plan);
}

/// Rows are the first axis's values, columns the second's (its seeds side
/// by side), the values along the top and the left.
void SweepView::layOutMatrix(const SweepPlan& plan) {
    const SweepAxis& rows = plan.axes()[0];
    const SweepAxis& columns = plan.axes()[1];
    const int seeds = int(std::max<std::size_t>(1, plan.seeds().size()));
    addHeader(QString::fromStdString(columns.constant) + " →", 0, 1, 1,
              int(columns.values.size()) * seeds, Qt::AlignCenter);
    addHeader(QString::fromStdString(rows.constant) + " ↓", 1, 0, 1, 1, Qt::AlignCenter);
    for (std::size_t c = 0; c < columns.values.size(); ++c)
        addHeader(valueText(columns, c), 1, 1 + int(c) * seeds, 1, seeds, Qt::AlignCenter);
    for (std::size_t r = 0; r < rows.values.size(); ++r)
        addHeader(valueText(rows, r), 2 + int(r), 0, 1, 1, Qt::AlignRight | Qt::AlignVCenter);
    for (std::size_t v = 0; v < plan.variantCount(); ++v) {
        const int seed = int(v % std::size_t(seeds));
        const int row = 2 + int(plan.valueIndex(v, 0));
        const int column = 1 + int(plan.valueIndex(v, 1)) * seeds + seed;
        const QString label = QString::fromStdString(rows.constant) + " " +
                              valueText(rows, plan.valueIndex(v, 0)) + " · " +
                              QString::fromStdString(columns.constant) + " " +
                              valueText(columns, plan.valueIndex(v, 1));
        const QString seedLabel = seedText(plan.variant(v));
        addTile(v, seedLabel.isEmpty() ? label : seedLabel, variantLabel(plan, v), row, column);
    }
    for (int c = 1; c <= int(columns.values.size()) * seeds; ++c)
        grid_->setColumnStretch(c, 1);
    for (int r = 2; r < 2 + int(rows.values.size()); ++r)
        grid_->setRowStretch(r, 1);
}

/// Nearly square rows of labelled tiles, in sweep order.
void SweepView::layOutRows(const SweepPlan& plan) {
    const std::size_t count = plan.variantCount();
    const int perRow = std::clamp(int(std::ceil(std::sqrt(double(count) * 1.5))), 1, 8);
    for (std::size_t v = 0; v < count; ++v)
        addTile(v, variantLabel(plan, v), variantLabel(plan, v), int(v) / perRow, int(v) % perRow);
    for (int c = 0; c < perRow; ++c)
        grid_->setColumnStretch(c, 1);
    for (int r = 0; r <= int(count - 1) / perRow; ++r)
        grid_->setRowStretch(r, 1);
}

SweepTile* SweepView::addTile(std::size_t variant, const QString& label, const QString& description,
                              int row, int column) {
    auto* tile = new SweepTile(variant, label, description, tilesArea_);
    tiles_[variant] = tile;
    grid_->addWidget(tile, row, column);
    connect(tile, &SweepTile::clicked, this, &SweepView::activate);
    return tile;
}

QLabel* SweepView::addHeader(const QString& text, int row, int column, int rowSpan, int columnSpan,
                             Qt::Alignment alignment) {
    auto* header = new QLabel(text, tilesArea_);
    header->setObjectName("sweepHeader");
    header->setAlignment(alignment);
    grid_->addWidget(header, row, column, rowSpan, columnSpan);
    return header;
}

void SweepView::showResult(const SweepVariantResult& result) {
    if (result.variant >= tiles_.size() || !tiles_[result.variant])
        return;
    using Status = SweepVariantResult::Status;
    SweepTile::State state = SweepTile::State::Failed;
    if (result.status == Status::Finished)
        state = SweepTile::State::Finished;
    else if (result.status == Status::Stopped)
        state = result.built ? SweepTile::State::Stopped : SweepTile::State::NotRun;
    if (!drawing_ && !result.thumbnail.empty())
        chooseDrawing(result.thumbnail);
    const double peak =
        result.thumbnail.rate.empty()
            ? 0.0
            : *std::max_element(result.thumbnail.rate.begin(), result.thumbnail.rate.end());
    SweepTile* tile = tiles_[result.variant];
    tile->setResult(state, result.thumbnail, result.message);
    ++ended_;
    if (peak > rateScale_) {
        rateScale_ = peak; // one scale for all tiles, so that their rates compare
        updateTitle();
        for (SweepTile* each : tiles_)
            each->setDrawing(drawing_.value_or(SweepTile::Drawing::Raster), rateScale_);
    } else {
        tile->setDrawing(drawing_.value_or(SweepTile::Drawing::Raster), rateScale_);
    }
    updateProgress();
    emit variantStored();
}

/// One drawing for the whole sweep, from the first run with spikes: a raster
/// while the neurons fit a tile, the population rate beyond.
void SweepView::chooseDrawing(const SweepThumbnail& first) {
    drawing_ =
        first.neurons <= kMaxRasterNeurons ? SweepTile::Drawing::Raster : SweepTile::Drawing::Rate;
    drawingTitle_ = (*drawing_ == SweepTile::Drawing::Raster ? tr("spikes of %1 (raster)")
                                                             : tr("population rate of %1"))
                        .arg(first.monitor);
    updateTitle();
}

/// "Sweep 3 of we × wi · population rate of spikes, 0 to 62 Hz in every tile".
void SweepView::updateTitle() {
    QString title = sweepTitle_;
    if (!drawingTitle_.isEmpty())
        title += " · " + drawingTitle_;
    if (drawing_ == SweepTile::Drawing::Rate && rateScale_ > 0.0)
        title += tr(", 0 to %1 Hz in every tile").arg(rateScale_, 0, 'f', 0);
    title_->setText(title);
}

void SweepView::showEnd(bool cancelled) {
    clock_->stop();
    cancelButton_->setEnabled(false);
    updateProgress();
    if (cancelled) {
        note_->setText(
            tr("Cancelled: %1 of %2 runs ended and are kept.").arg(ended_).arg(variants_));
        note_->show();
    } else {
        note_->hide();
    }
    showSummary();
    emit sweepEnded();
}

void SweepView::clearSummary() {
    delete summary_;
    summary_ = nullptr;
    summaryPlace_->hide();
}

/// The summary of what ended (a cancelled sweep's too), read back from the
/// project as the Runs tab's Sweep summary reads it.
void SweepView::showSummary() {
    clearSummary();
    if (ended_ == 0)
        return;
    try {
        Project project(controller_->projectPath(), ProjectAccess::ReadOnly);
        summary_ = new SweepSummaryPlot(loadSweepResults(project, controller_->sweepId()),
                                        sweepTitle_, summaryPlace_);
    } catch (const UserError& error) {
        note_->setText(tr("No summary plot: %1").arg(QString::fromStdString(error.what())));
        note_->show();
        return;
    }
    summaryPlace_->layout()->addWidget(summary_);
    connect(summary_, &SweepSummaryPlot::runsChosen, this, [this](const QList<qint64>& runs) {
        if (!runs.isEmpty())
            emit runActivated(QString::fromStdString(controller_->projectPath()), runs.first());
    });
    summaryPlace_->show();
}

void SweepView::activate(std::size_t variant) {
    const std::int64_t run = controller_->runOf(variant);
    if (run > 0)
        emit runActivated(QString::fromStdString(controller_->projectPath()), run);
}

} // namespace spikestudio
