#include "plots/FigurePanels.h"

#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"
#include "plots/TimeAxis.h"
#include "runtime/RateRecord.h"
#include "runtime/RateSmoothing.h"
#include "runtime/SpikeRecord.h"

#include <QApplication>
#include <qcustomplot.h>

namespace spikestudio::FigurePanels {

namespace {

constexpr double kHeaderPointSize = 9.0;

QFont figureFont(int pointSize, QFont::Weight weight = QFont::Normal) {
    return QFont(QApplication::font().family(), pointSize, weight);
}

QVector<double> asVector(const std::vector<double>& values) {
    return QVector<double>(values.begin(), values.end());
}

} // namespace

QCPAxisRect* addPanel(QCustomPlot& plot, int row, const QString& yLabel, QCPMarginGroup* margins) {
    QCPAxisRect* panel = PlotStyle::addPanel(plot, row, yLabel, margins);
    for (QCPAxis* axis : panel->axes())
        axis->setTickLabelFont(figureFont(9));
    return panel;
}

PanelHeader* addHeader(QCustomPlot& plot, int row, const QString& text, QCPMarginGroup* margins) {
    return PanelHeader::insert(plot, row, text, margins, kHeaderPointSize);
}

void addTitle(QCustomPlot& plot, int row, const QString& title) {
    plot.plotLayout()->addElement(
        row, 0, new QCPTextElement(&plot, title, figureFont(11, QFont::DemiBold)));
}

QCPGraph* addRaster(QCustomPlot& plot, QCPAxisRect* panel, const SpikeRecord& spikes,
                    const QColor& colour) {
    QVector<double> neuron(qsizetype(spikes.indices.size()));
    for (qsizetype k = 0; k < neuron.size(); ++k)
        neuron[k] = spikes.indices[size_t(k)];
    QCPGraph* graph = PlotStyle::addGraph(plot, panel);
    graph->setLineStyle(QCPGraph::lsNone);
    // Dense rasters read better with smaller dots.
    const qsizetype count = neuron.size();
    const double size = count > 200000 ? 0.8 : count > 5000 ? 1.3 : 2.5;
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, size));
    graph->setData(asVector(spikes.times), neuron, true);
    graph->setName(QString::fromStdString(spikes.monitor));
    const auto neurons = static_cast<double>(std::max<size_t>(spikes.countPerNeuron.size(), 1));
    panel->axis(QCPAxis::atLeft)->setRange(-0.5, neurons - 0.5);
    PlotStyle::useIntegerTicks(panel);
    for (QCPAxis* axis : panel->axes())
        axis->grid()->setVisible(false);
    return graph;
}

QCPGraph* addRate(QCustomPlot& plot, QCPAxisRect* panel, const RateRecord& record,
                  const QColor& colour, bool filled) {
    const double dt = record.times.size() > 1 ? record.times[1] - record.times[0] : 1e-3;
    // Brian2's smooth_rate with a Gaussian of 1 ms (or one step, if coarser).
    const std::vector<double> smoothed =
        smoothRate(record.rates, dt, RateWindow::Gaussian, std::max(1e-3, dt));
    QCPGraph* graph = PlotStyle::addGraph(plot, panel);
    graph->setPen(QPen(colour, 1.4));
    if (filled)
        graph->setBrush(QColor(colour.red(), colour.green(), colour.blue(), 40));
    graph->setData(asVector(record.times), asVector(smoothed), true);
    graph->setName(QString::fromStdString(record.monitor));
    return graph;
}

QCPGraph* addTrace(QCustomPlot& plot, QCPAxisRect* panel, const StateRecord& record, size_t column,
                   const AxisUnit& unit, const QColor& colour) {
    const StateRecord::Column& described = record.columns[column];
    QVector<double> values(static_cast<qsizetype>(record.rowCount()));
    for (qsizetype k = 0; k < values.size(); ++k)
        values[k] = record.value(static_cast<size_t>(k), column) * unit.factor;
    QCPGraph* graph = PlotStyle::addGraph(plot, panel);
    graph->setPen(QPen(colour, 1.2));
    graph->setData(asVector(record.times), values, true);
    graph->setName(
        QString("%1[%2]").arg(QString::fromStdString(described.variable)).arg(described.index));
    return graph;
}

void fitValueAxis(QCPAxisRect* panel) {
    QCPAxis* valueAxis = panel->axis(QCPAxis::atLeft);
    valueAxis->rescale();
    const double pad = 0.06 * std::max(valueAxis->range().size(), 1e-12);
    valueAxis->setRange(valueAxis->range().lower - pad, valueAxis->range().upper + pad);
}

void fitRateAxis(QCPAxisRect* panel) {
    QCPAxis* valueAxis = panel->axis(QCPAxis::atLeft);
    valueAxis->rescale();
    valueAxis->setRangeLower(0.0);
    valueAxis->setRangeUpper(std::max(valueAxis->range().upper * 1.05, 1e-9));
}

void shareTimeAxis(const std::vector<QCPAxisRect*>& panels, double duration) {
    for (QCPAxisRect* panel : panels) {
        QCPAxis* time = panel->axis(QCPAxis::atBottom);
        time->setRange(0.0, std::max(duration, 1e-9));
        TimeAxis::install(time, panel == panels.back());
        time->setTickLabels(panel == panels.back());
    }
}

} // namespace spikestudio::FigurePanels
