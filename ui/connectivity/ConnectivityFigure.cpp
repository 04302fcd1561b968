#include "connectivity/ConnectivityFigure.h"

#include "connectivity/SynapsesSummary.h"
#include "plots/AxisUnit.h"
#include "plots/IntegerTicker.h"
#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"

#include <QApplication>
#include <QLocale>
#include <limits>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

constexpr double kHeaderPointSize = 9.0;
const QColor kBarColour(0x1f, 0x77, 0xb4);

QFont figureFont(double pointSize, QFont::Weight weight = QFont::Normal) {
    QFont font(QApplication::font().family());
    font.setPointSizeF(pointSize);
    font.setWeight(weight);
    return font;
}

QString quoted(const std::string& name) {
    return "'" + QString::fromStdString(name) + "'";
}

QString number(double value) {
    return QLocale().toString(value, 'g', 4);
}

QString count(long long value) {
    return QLocale().toString(value);
}

QString neurons(long long value) {
    return value == 1 ? QObject::tr("1 neuron") : QObject::tr("%1 neurons").arg(count(value));
}

/// A cell of the 2x2 grid: a header over an axis rect (and, for the matrix,
/// its colour scale), the header aligned with the axis rect.
QCPAxisRect* addCell(QCPLayoutGrid& grid, int row, int column, const QString& caption,
                     const QString& xLabel, const QString& yLabel) {
    auto* cell = new QCPLayoutGrid;
    grid.addElement(row, column, cell);
    auto* margins = new QCPMarginGroup(grid.parentPlot());
    PanelHeader::insert(*cell, 0, 0, caption, margins, kHeaderPointSize);
    auto* axes = new QCPAxisRect(grid.parentPlot());
    cell->addElement(1, 0, axes);
    axes->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    axes->axis(QCPAxis::atBottom)->setLabel(xLabel);
    axes->axis(QCPAxis::atLeft)->setLabel(yLabel);
    for (QCPAxis* axis : axes->axes())
        axis->setTickLabelFont(figureFont(8.5));
    return axes;
}

void integerTicks(QCPAxis* axis) {
    axis->setTicker(QSharedPointer<IntegerTicker>::create());
}

/// Cell centres for QCPColorMapData: a side of one cell is drawn as two
/// (QCustomPlot gives a map one cell wide no width).
struct Side {
    int cells;
    QCPRange centres;
};

Side sideOf(int cells, long long perCell, long long neurons) {
    const int drawn = std::max(cells, 2);
    const double width = cells == 1 ? double(neurons) / 2 : double(perCell);
    return {drawn, QCPRange(-0.5 + width / 2, -0.5 + width * (drawn - 0.5))};
}

void addMatrix(QCustomPlot& plot, QCPLayoutGrid& grid, const SynapsesSummary& summary) {
    const ConnectionMatrix& matrix = summary.matrix;
    const bool binned = matrix.sourcesPerCell > 1 || matrix.targetsPerCell > 1;
    const QString caption =
        QObject::tr("Connection matrix · %1 synapses of %2 pairs")
            .arg(count(summary.synapses), count(summary.sourceSize * summary.targetSize)) +
        (binned ? QObject::tr(" · a cell is %1 × %2 neurons")
                      .arg(matrix.sourcesPerCell)
                      .arg(matrix.targetsPerCell)
                : QString());
    QCPAxisRect* axes = addCell(grid, 0, 0, caption,
                                QObject::tr("source neuron i (%1)").arg(quoted(summary.source)),
                                QObject::tr("target neuron j (%1)").arg(quoted(summary.target)));
    for (QCPAxis* axis : axes->axes())
        axis->grid()->setVisible(false);
    for (QCPAxis* edge : {axes->axis(QCPAxis::atTop), axes->axis(QCPAxis::atRight)}) {
        edge->setVisible(true); // a frame: unconnected (white) cells end where the groups end
        edge->setTicks(false);
        edge->setTickLabels(false);
    }
    integerTicks(axes->axis(QCPAxis::atBottom));
    integerTicks(axes->axis(QCPAxis::atLeft));
    auto* map = new QCPColorMap(axes->axis(QCPAxis::atBottom), axes->axis(QCPAxis::atLeft));
    map->setName(ConnectivityFigure::kMatrix);
    const Side across = sideOf(matrix.sourceCells, matrix.sourcesPerCell, matrix.sources);
    const Side up = sideOf(matrix.targetCells, matrix.targetsPerCell, matrix.targets);
    map->data()->setSize(across.cells, up.cells);
    map->data()->setRange(across.centres, up.centres);
    double densest = 0.0;
    for (int a = 0; a < across.cells; ++a)
        for (int b = 0; b < up.cells; ++b) {
            const double density = matrix.density(std::min(a, matrix.sourceCells - 1),
                                                  std::min(b, matrix.targetCells - 1));
            map->data()->setCell(a, b, density);
            densest = std::max(densest, density);
        }
    map->setInterpolate(false);
    QCPColorGradient gradient;
    gradient.setColorStopAt(0.0, Qt::white);
    gradient.setColorStopAt(1.0, PlotStyle::kSpikeColour);
    map->setGradient(gradient);
    map->setDataRange(QCPRange(0.0, densest > 0 ? densest : 1.0));
    auto* scale = new QCPColorScale(&plot);
    static_cast<QCPLayoutGrid*>(axes->layout())->addElement(1, 1, scale);
    scale->setGradient(gradient);
    scale->setDataRange(map->dataRange());
    scale->setBarWidth(10);
    scale->axis()->setLabel(QObject::tr("synapses per pair"));
    scale->axis()->setTickLabelFont(figureFont(8.5));
    map->setColorScale(scale);
    axes->axis(QCPAxis::atBottom)->setRange(-0.5, double(matrix.sources) - 0.5);
    axes->axis(QCPAxis::atLeft)->setRange(-0.5, double(matrix.targets) - 0.5);
}

/// The bars' x range: every bar, and room for ten, so that one or two bars
/// read as bars rather than as a filled panel; never below `floor`.
QCPRange barRange(const Histogram& histogram, double factor, double floor) {
    const double bins = double(histogram.counts.size());
    const double span = std::max(bins, 10.0) * histogram.width;
    const double lower = std::max(histogram.lower + (bins * histogram.width - span) / 2, floor);
    return QCPRange(lower * factor, (lower + span) * factor);
}

QCPBars* addBars(QCPAxisRect* axes, const Histogram& histogram, double factor, const QString& name,
                 double floor = -std::numeric_limits<double>::infinity()) {
    auto* bars = new QCPBars(axes->axis(QCPAxis::atBottom), axes->axis(QCPAxis::atLeft));
    bars->setName(name);
    bars->setWidthType(QCPBars::wtPlotCoords);
    bars->setWidth(histogram.width * factor);
    bars->setPen(Qt::NoPen);
    bars->setBrush(kBarColour);
    QVector<double> keys, counts;
    for (size_t bin = 0; bin < histogram.counts.size(); ++bin) {
        keys.append(histogram.centre(bin) * factor);
        counts.append(histogram.counts[bin]);
    }
    bars->setData(keys, counts, true);
    axes->axis(QCPAxis::atLeft)->setRange(0.0, 1.0);
    bars->rescaleAxes(true);
    const double top = axes->axis(QCPAxis::atLeft)->range().upper;
    axes->axis(QCPAxis::atLeft)->setRange(0.0, std::max(top * 1.08, 1.0));
    if (!histogram.counts.empty())
        axes->axis(QCPAxis::atBottom)->setRange(barRange(histogram, factor, floor));
    return bars;
}

void addDegrees(QCPLayoutGrid& grid, int row, int column, const SynapsesSummary::Degrees& degrees,
                const QString& what, const QString& name) {
    const QString caption =
        QObject::tr("%1 · mean %2, from %3 to %4")
            .arg(what, number(degrees.mean), count(degrees.min), count(degrees.max));
    QCPAxisRect* axes = addCell(grid, row, column, caption, name, QObject::tr("neurons"));
    integerTicks(axes->axis(QCPAxis::atBottom));
    integerTicks(axes->axis(QCPAxis::atLeft));
    addBars(axes, degrees.histogram, 1.0, name, -0.5); // no neuron has fewer than 0
}

void addVariable(QCPLayoutGrid& grid, const SynapsesSummary& summary, size_t index) {
    if (index >= summary.variables.size())
        return;
    const SynapsesSummary::Variable& variable = summary.variables[index];
    const QString name = QString::fromStdString(variable.name);
    const AxisUnit unit = AxisUnit::forData(variable.dim, variable.largest);
    const QString value = number(variable.value * unit.factor) +
                          (unit.label.isEmpty() ? QString() : " " + unit.label);
    const QString caption =
        variable.uniform ? QObject::tr("%1 = %2 on every synapse").arg(name, value)
                         : QObject::tr("%1 of %2 synapses").arg(name, count(summary.synapses));
    QCPAxisRect* axes = addCell(grid, 1, 1, caption, unit.axisLabel(name), QObject::tr("synapses"));
    integerTicks(axes->axis(QCPAxis::atLeft));
    if (!variable.uniform) {
        addBars(axes, variable.histogram, unit.factor, name);
        return;
    }
    // One bar, in a range of the value (or one display unit) either side.
    const double span = variable.value != 0.0 ? std::abs(variable.value) : 1.0 / unit.factor;
    Histogram one;
    one.lower = variable.value - span / 10;
    one.width = span / 5;
    one.counts.assign(1, double(summary.synapses));
    addBars(axes, one, unit.factor, name);
    axes->axis(QCPAxis::atBottom)
        ->setRange((variable.value - span) * unit.factor, (variable.value + span) * unit.factor);
}

} // namespace

void ConnectivityFigure::build(QCustomPlot& plot, const SynapsesSummary& summary, size_t variable,
                               const QString& note) {
    plot.setAutoAddPlottableToLegend(false);
    plot.clearPlottables();
    plot.plotLayout()->clear();
    plot.setBackground(Qt::white);
    PlotStyle::spaceTicks(plot);
    const QString title =
        QObject::tr("Synapses %1: %2 (%3) → %4 (%5)")
            .arg(quoted(summary.name), quoted(summary.source), neurons(summary.sourceSize),
                 quoted(summary.target), neurons(summary.targetSize));
    plot.plotLayout()->addElement(
        0, 0, new QCPTextElement(&plot, title, figureFont(11, QFont::DemiBold)));
    const QString subtitle =
        QObject::tr("%1 synapses · density %2 % · %3")
            .arg(count(summary.synapses), number(100 * summary.density()), note);
    auto* below = new QCPTextElement(&plot, subtitle, figureFont(9));
    below->setTextColor(QColor(0x33, 0x33, 0x33));
    plot.plotLayout()->addElement(1, 0, below);
    auto* grid = new QCPLayoutGrid;
    plot.plotLayout()->addElement(2, 0, grid);
    plot.plotLayout()->setRowStretchFactor(0, 0.001);
    plot.plotLayout()->setRowStretchFactor(1, 0.001);
    grid->setColumnSpacing(24);
    grid->setRowSpacing(12);
    addMatrix(plot, *grid, summary);
    addDegrees(*grid, 0, 1, summary.out, QObject::tr("Out-degree: synapses per source neuron"),
               kOutDegree);
    addDegrees(*grid, 1, 0, summary.in, QObject::tr("In-degree: synapses per target neuron"),
               kInDegree);
    addVariable(*grid, summary, variable);
}

} // namespace spikestudio
