#include "sweep/SweepSummaryPlot.h"

#include "diagnostics/FailureMessage.h"
#include "files/AtomicOutputFile.h"
#include "plots/AxisUnit.h"
#include "plots/PlotStyle.h"
#include "storage/Project.h"
#include "sweepresults/StoredSweepResults.h"

#include <QComboBox>
#include <QFile>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>
#include <qcustomplot.h>

namespace spikestudio {
namespace {

constexpr int kClickRadius = 12; // pixels around a point that still choose it

double largestMagnitude(const std::vector<double>& values) {
    double largest = 0.0;
    for (double value : values)
        if (std::isfinite(value))
            largest = std::max(largest, std::abs(value));
    return largest;
}

QString valueText(double value) {
    return QString::number(value, 'g', 4);
}

/// Perceptually even, readable in greyscale (viridis' end points and middle).
QCPColorGradient heatGradient() {
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, QColor(0x44, 0x01, 0x54));
    gradient.setColorStopAt(0.25, QColor(0x3b, 0x52, 0x8b));
    gradient.setColorStopAt(0.5, QColor(0x21, 0x91, 0x8c));
    gradient.setColorStopAt(0.75, QColor(0x5e, 0xc9, 0x62));
    gradient.setColorStopAt(1.0, QColor(0xfd, 0xe7, 0x25));
    gradient.setNanHandling(QCPColorGradient::nhNanColor);
    gradient.setNanColor(QColor(0xdd, 0xdd, 0xdd));
    return gradient;
}

/// Ticks on the cells of a heat map's side, labelled with the values (at
/// most about ten labels).
QSharedPointer<QCPAxisTickerText> valueTicks(const SweepAxis& axis, const AxisUnit& unit) {
    auto ticker = QSharedPointer<QCPAxisTickerText>::create();
    const std::size_t step = std::max<std::size_t>(1, (axis.values.size() + 9) / 10);
    for (std::size_t k = 0; k < axis.values.size(); k += step)
        ticker->addTick(double(k), valueText(axis.values[k] * unit.factor));
    return ticker;
}

QString axisTitle(const SweepAxis& axis, const AxisUnit& unit) {
    return unit.axisLabel(QString::fromStdString(axis.constant));
}

AxisUnit unitFor(const SweepAxis& axis) {
    return AxisUnit::forData(axis.dimension, largestMagnitude(axis.values));
}

/// The side of a heat map along an axis of `cells` values: QCustomPlot draws
/// a map one cell wide with no width, so such a side is drawn as two halves.
QCPRange cellCentres(std::size_t cells, int& drawn) {
    drawn = int(std::max<std::size_t>(cells, 2));
    return cells == 1 ? QCPRange(-0.25, 0.25) : QCPRange(0.0, double(cells - 1));
}

} // namespace

SweepSummaryPlot::SweepSummaryPlot(SweepResultTable table, const QString& title, QWidget* parent)
    : QWidget(parent), table_(std::move(table)), columns_(table_.statisticColumns()),
      statistic_(new QComboBox(this)), note_(new QLabel(this)), plot_(new QCustomPlot(this)),
      exportPlot_(new QPushButton(tr("Export plot…"), this)),
      exportTable_(new QPushButton(tr("Export table…"), this)) {
    setWindowTitle(title);
    statistic_->setObjectName("statisticCombo");
    note_->setObjectName("summaryNote");
    note_->setWordWrap(true);
    plot_->setObjectName("summaryPlot");
    plot_->setMinimumSize(480, 360);
    exportPlot_->setObjectName("exportPlotButton");
    exportTable_->setObjectName("exportTableButton");
    for (const SweepStatisticColumn& column : columns_)
        statistic_->addItem(QString::fromStdString(column.header()));
    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Statistic:"), this));
    bar->addWidget(statistic_, 1);
    bar->addWidget(exportPlot_);
    bar->addWidget(exportTable_);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(plot_, 1);
    layout->addWidget(note_);
    const auto rate = std::find_if(columns_.begin(), columns_.end(),
                                   [](const auto& column) { return column.figure == "rate_mean"; });
    if (rate != columns_.end())
        statistic_->setCurrentIndex(int(rate - columns_.begin()));
    connect(statistic_, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(plot_, &QCustomPlot::mousePress, this,
            [this](QMouseEvent* event) { pressedAt_ = event->position().toPoint(); });
    connect(plot_, &QCustomPlot::mouseRelease, this,
            [this](QMouseEvent* event) { pointClicked(event); });
    connect(exportPlot_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export plot"), "sweep.png",
                                                          PlotStyle::saveFilter());
        if (path.isEmpty())
            return;
        if (const QString problem = exportPlot(path); !problem.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), problem);
    });
    connect(exportTable_, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export table"), "summary.csv",
                                                          tr("CSV table (*.csv)"));
        if (path.isEmpty())
            return;
        if (const QString problem = exportTable(path); !problem.isEmpty())
            QMessageBox::warning(this, tr("Export failed"), problem);
    });
    redraw();
}

SweepSummaryPlot* SweepSummaryPlot::open(const std::string& projectPath, std::int64_t sweepId,
                                         QWidget* parent) {
    Project project(projectPath, ProjectAccess::ReadOnly);
    auto* window = new SweepSummaryPlot(loadSweepResults(project, sweepId),
                                        tr("Sweep %1").arg(sweepId), parent);
    window->setWindowFlag(Qt::Window);
    window->setAttribute(Qt::WA_DeleteOnClose);
    return window;
}

QStringList SweepSummaryPlot::statistics() const {
    QStringList headers;
    for (const SweepStatisticColumn& column : columns_)
        headers << QString::fromStdString(column.header());
    return headers;
}

QString SweepSummaryPlot::shownStatistic() const {
    return statistic_->currentText();
}

bool SweepSummaryPlot::showStatistic(const QString& header) {
    const int index = statistic_->findText(header);
    if (index < 0)
        return false;
    statistic_->setCurrentIndex(index);
    redraw();
    return true;
}

void SweepSummaryPlot::redraw() {
    plot_->clearPlottables();
    plot_->plotLayout()->clear();
    plot_->plotLayout()->addElement(0, 0, new QCPAxisRect(plot_));
    plot_->xAxis = plot_->axisRect()->axis(QCPAxis::atBottom);
    plot_->yAxis = plot_->axisRect()->axis(QCPAxis::atLeft);
    points_.clear();
    const int index = statistic_->currentIndex();
    if (index < 0 || table_.rows().empty()) {
        note_->setText(tr("No run of this sweep has statistics to plot."));
        plot_->replot();
        return;
    }
    const SweepStatisticColumn& column = columns_[std::size_t(index)];
    points_ = summaryPoints(table_, column);
    if (summaryIsHeatMap(table_.plan()))
        drawHeatMap(column);
    else
        drawLine(column);
    plot_->replot();
}

void SweepSummaryPlot::drawLine(const SweepStatisticColumn& column) {
    const SweepAxis& axis = table_.plan().axes().front();
    const AxisUnit xUnit = unitFor(axis);
    std::vector<double> means;
    for (const SweepSummaryPoint& point : points_)
        if (point.samples > 0)
            means.push_back(std::abs(point.mean) + point.sd);
    const AxisUnit yUnit = AxisUnit::forData(column.dimension, largestMagnitude(means));
    QVector<double> x, y, spread;
    for (const SweepSummaryPoint& point : points_)
        if (point.samples > 0) {
            x << point.x * xUnit.factor;
            y << point.mean * yUnit.factor;
            spread << point.sd * yUnit.factor;
        }
    QCPGraph* graph = plot_->addGraph(plot_->xAxis, plot_->yAxis);
    graph->setName(kMean);
    graph->setPen(QPen(PlotStyle::kSpikeColour, 1.5));
    graph->setScatterStyle(
        QCPScatterStyle(QCPScatterStyle::ssCircle, PlotStyle::kSpikeColour, Qt::white, 7));
    graph->setData(x, y, true);
    auto* bars = new QCPErrorBars(plot_->xAxis, plot_->yAxis);
    bars->setName(kSpread);
    bars->setDataPlottable(graph);
    bars->setData(spread);
    bars->setPen(QPen(PlotStyle::kSpikeColour, 1.0));
    bars->setWhiskerWidth(8);
    QString label = xUnit.axisLabel(QString::fromStdString(axis.constant));
    if (table_.plan().combination() == SweepCombination::Zip && table_.plan().axes().size() > 1)
        label += tr(" (zipped with %1 more)").arg(table_.plan().axes().size() - 1);
    plot_->xAxis->setLabel(label);
    plot_->yAxis->setLabel(yUnit.axisLabel(QString::fromStdString(column.name())));
    if (axis.logarithmic) {
        plot_->xAxis->setScaleType(QCPAxis::stLogarithmic);
        plot_->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    graph->rescaleAxes();
    bars->rescaleAxes(true);
    plot_->xAxis->scaleRange(1.1, plot_->xAxis->range().center());
    plot_->yAxis->scaleRange(1.15, plot_->yAxis->range().center());
    const std::size_t seeds = std::max<std::size_t>(1, table_.plan().seeds().size());
    note_->setText(seeds > 1 ? tr("The mean over %1 seeds, error bars ± one standard deviation. "
                                  "Click a point for its runs.")
                                   .arg(seeds)
                             : tr("Click a point for its run."));
}

void SweepSummaryPlot::drawHeatMap(const SweepStatisticColumn& column) {
    const SweepAxis& across = table_.plan().axes()[0];
    const SweepAxis& up = table_.plan().axes()[1];
    std::vector<double> means;
    for (const SweepSummaryPoint& point : points_)
        if (point.samples > 0)
            means.push_back(point.mean);
    const AxisUnit unit = AxisUnit::forData(column.dimension, largestMagnitude(means));
    auto* map = new QCPColorMap(plot_->xAxis, plot_->yAxis);
    map->setName(kHeatMap);
    int columns = 0, rows = 0;
    const QCPRange keys = cellCentres(across.values.size(), columns);
    const QCPRange values = cellCentres(up.values.size(), rows);
    map->data()->setSize(columns, rows);
    map->data()->setRange(keys, values);
    map->data()->fill(std::numeric_limits<double>::quiet_NaN());
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (const SweepSummaryPoint& point : points_) {
        if (point.samples == 0)
            continue;
        const double shown = point.mean * unit.factor;
        low = std::min(low, shown);
        high = std::max(high, shown);
        // A side of one value is drawn as two halves: fill both.
        for (int a = int(point.xIndex); a < columns; a += int(across.values.size()))
            for (int b = int(point.yIndex); b < rows; b += int(up.values.size()))
                map->data()->setCell(a, b, shown);
    }
    map->setInterpolate(false);
    map->setGradient(heatGradient());
    if (!(low <= high))
        low = high = 0.0;
    map->setDataRange(low < high ? QCPRange(low, high) : QCPRange(low - 0.5, low + 0.5));
    auto* scale = new QCPColorScale(plot_);
    plot_->plotLayout()->addElement(0, 1, scale);
    scale->setGradient(map->gradient());
    scale->setDataRange(map->dataRange());
    scale->setBarWidth(12);
    scale->axis()->setLabel(unit.axisLabel(QString::fromStdString(column.name())));
    map->setColorScale(scale);
    if (!margins_) // one for the plot's life: redraws replace the elements, not the group
        margins_ = new QCPMarginGroup(plot_);
    plot_->axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins_);
    scale->setMarginGroup(QCP::msBottom | QCP::msTop, margins_);
    const AxisUnit acrossUnit = unitFor(across), upUnit = unitFor(up);
    plot_->xAxis->setTicker(valueTicks(across, acrossUnit));
    plot_->yAxis->setTicker(valueTicks(up, upUnit));
    QString acrossLabel = axisTitle(across, acrossUnit), upLabel = axisTitle(up, upUnit);
    if (across.logarithmic)
        acrossLabel += tr(" (log scale)");
    if (up.logarithmic)
        upLabel += tr(" (log scale)");
    plot_->xAxis->setLabel(acrossLabel);
    plot_->yAxis->setLabel(upLabel);
    for (QCPAxis* axis : {plot_->xAxis, plot_->yAxis})
        axis->grid()->setVisible(false);
    plot_->xAxis->setRange(-0.5, double(across.values.size()) - 0.5);
    plot_->yAxis->setRange(-0.5, double(up.values.size()) - 0.5);
    QString text = tr("One cell per pair of values");
    if (!table_.plan().seeds().empty())
        text += tr(", the mean over %1 seeds").arg(table_.plan().seeds().size());
    if (table_.plan().axes().size() > 2)
        text += tr(" and over the values of the other constants");
    note_->setText(text + tr(". Grey: no value. Click a cell for its runs."));
}

QPoint SweepSummaryPlot::pixelOf(std::size_t k) const {
    const SweepSummaryPoint& point = points_.at(k);
    if (summaryIsHeatMap(table_.plan()))
        return QPoint(int(std::lround(plot_->xAxis->coordToPixel(double(point.xIndex)))),
                      int(std::lround(plot_->yAxis->coordToPixel(double(point.yIndex)))));
    const auto* graph = plot_->graph(0);
    int drawn = 0;
    for (std::size_t j = 0; j < k; ++j)
        drawn += points_[j].samples > 0;
    const double x = graph->data()->at(drawn)->key, y = graph->data()->at(drawn)->value;
    return QPoint(int(std::lround(plot_->xAxis->coordToPixel(x))),
                  int(std::lround(plot_->yAxis->coordToPixel(y))));
}

int SweepSummaryPlot::nearestPoint(const QPoint& pixel) const {
    if (summaryIsHeatMap(table_.plan())) {
        if (!plot_->axisRect()->rect().contains(pixel))
            return -1;
        const long across = std::lround(plot_->xAxis->pixelToCoord(pixel.x()));
        const long up = std::lround(plot_->yAxis->pixelToCoord(pixel.y()));
        for (std::size_t k = 0; k < points_.size(); ++k)
            if (long(points_[k].xIndex) == across && long(points_[k].yIndex) == up)
                return int(k);
        return -1;
    }
    int nearest = -1;
    double best = kClickRadius;
    for (std::size_t k = 0; k < points_.size(); ++k) {
        if (points_[k].samples == 0)
            continue;
        const QPoint at = pixelOf(k);
        const double distance = std::hypot(at.x() - pixel.x(), at.y() - pixel.y());
        if (distance <= best) {
            best = distance;
            nearest = int(k);
        }
    }
    return nearest;
}

void SweepSummaryPlot::pointClicked(QMouseEvent* event) {
    if (event->button() != Qt::LeftButton ||
        (event->position().toPoint() - pressedAt_).manhattanLength() > 4)
        return;
    const int k = nearestPoint(event->position().toPoint());
    if (k < 0 || points_[std::size_t(k)].runIds.empty())
        return;
    QList<qint64> runs;
    for (std::int64_t id : points_[std::size_t(k)].runIds)
        runs << qint64(id);
    emit runsChosen(runs);
}

QString SweepSummaryPlot::exportPlot(const QString& path) {
    return PlotStyle::save(*plot_, path);
}

QString SweepSummaryPlot::exportTable(const QString& path) {
    try {
        AtomicOutputFile file(QFile::encodeName(path).toStdString());
        table_.writeCsv(file.stream());
        file.commit();
        return {};
    } catch (const std::exception& error) {
        return QString::fromStdString(failureMessage(error, "writing the table"));
    }
}

} // namespace spikestudio
