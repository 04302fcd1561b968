#include "plots/ResultFigure.h"

#include "plots/AxisUnit.h"
#include "plots/PlotStyle.h"
#include "runtime/Network.h"
#include "runtime/RateSmoothing.h"

#include <QApplication>
#include <QFileInfo>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

using namespace PlotStyle;

/// A figure panel: the shared panel with smaller tick labels.
QCPAxisRect* figurePanel(QCustomPlot& plot, int row, const QString& yLabel,
                         QCPMarginGroup* margins) {
    QCPAxisRect* panel = PlotStyle::addPanel(plot, row, yLabel, margins);
    for (QCPAxis* axis : panel->axes())
        axis->setTickLabelFont(QFont(QApplication::font().family(), 9));
    return panel;
}

void addRaster(QCustomPlot& plot, QCPAxisRect* panel, const FigureContent& content) {
    const SpikeRecord& spikes = *content.spikes;
    QVector<double> t(static_cast<qsizetype>(spikes.times.size()));
    QVector<double> neuron(t.size());
    for (qsizetype k = 0; k < t.size(); ++k) {
        t[k] = spikes.times[static_cast<size_t>(k)] * 1e3;
        neuron[k] = spikes.indices[static_cast<size_t>(k)];
    }
    QCPGraph* graph = addGraph(plot, panel);
    graph->setLineStyle(QCPGraph::lsNone);
    // Dense rasters read better with smaller dots.
    const double size = t.size() > 200000 ? 0.8 : t.size() > 5000 ? 1.3 : 2.5;
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, kSpikeColour, size));
    graph->setData(t, neuron, true);
    graph->setName(QString::fromStdString(spikes.monitor));
    panel->axis(QCPAxis::atLeft)
        ->setRange(-0.5, std::max<double>(content.spikeSourceSize, 1) - 0.5);
    for (QCPAxis* axis : panel->axes())
        axis->grid()->setVisible(false);
}

void addRate(QCustomPlot& plot, QCPAxisRect* panel, const FigureContent& content) {
    const RateRecord& record = *content.rate;
    // Brian2's smooth_rate with a Gaussian of 1 ms (or one step, if coarser).
    const double width = std::max(1e-3, content.rateDt);
    const std::vector<double> smoothed =
        smoothRate(record.rates, content.rateDt, RateWindow::Gaussian, width);
    QVector<double> t(static_cast<qsizetype>(record.times.size()));
    QVector<double> rate(t.size());
    for (qsizetype k = 0; k < t.size(); ++k) {
        t[k] = record.times[static_cast<size_t>(k)] * 1e3;
        rate[k] = smoothed[static_cast<size_t>(k)];
    }
    QCPGraph* graph = addGraph(plot, panel);
    graph->setPen(QPen(kRateColour, 1.4));
    graph->setBrush(QBrush(QColor(kRateColour.red(), kRateColour.green(), kRateColour.blue(), 40)));
    graph->setData(t, rate, true);
    graph->rescaleValueAxis();
    panel->axis(QCPAxis::atLeft)->setRangeLower(0.0);
}

void addTraces(QCustomPlot& plot, QCPAxisRect* panel, const FigureContent& content) {
    const StateRecord& record = *content.traces;
    const size_t shown = std::min(record.columns.size(), kMaxTraces);
    const AxisUnit unit = AxisUnit::of(record.columns.front().dim);
    QVector<double> t(static_cast<qsizetype>(record.rowCount()));
    for (qsizetype k = 0; k < t.size(); ++k)
        t[k] = record.times[static_cast<size_t>(k)] * 1e3;
    for (size_t c = 0; c < shown; ++c) {
        const StateRecord::Column& column = record.columns[c];
        QVector<double> values(t.size());
        const double factor = AxisUnit::of(column.dim).factor;
        for (qsizetype k = 0; k < t.size(); ++k)
            values[k] = record.value(static_cast<size_t>(k), c) * factor;
        QCPGraph* graph = addGraph(plot, panel);
        graph->setPen(QPen(kTraceColours[c % std::size(kTraceColours)], 1.2));
        graph->setData(t, values, true);
        graph->setName(
            QString("%1[%2]").arg(QString::fromStdString(column.variable)).arg(column.index));
    }
    QCPAxis* valueAxis = panel->axis(QCPAxis::atLeft);
    valueAxis->rescale();
    const double pad = 0.06 * std::max(valueAxis->range().size(), 1e-12);
    valueAxis->setRange(valueAxis->range().lower - pad, valueAxis->range().upper + pad);
    const QString variable = QString::fromStdString(record.columns.front().variable);
    panel->axis(QCPAxis::atLeft)
        ->setLabel(unit.label.isEmpty() ? variable : variable + " [" + unit.label + "]");
    auto* legend = new QCPLegend;
    panel->insetLayout()->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    legend->setLayer("legend");
    legend->setFont(QFont(QApplication::font().family(), 8));
    legend->setBrush(QColor(255, 255, 255, 200));
    legend->setBorderPen(Qt::NoPen);
    for (int g = 0; g < plot.graphCount(); ++g)
        if (plot.graph(g)->valueAxis() == panel->axis(QCPAxis::atLeft))
            legend->addItem(new QCPPlottableLegendItem(legend, plot.graph(g)));
}

} // namespace

FigureContent FigureContent::of(const Network& network, double duration, const QString& title) {
    FigureContent content;
    content.title = title;
    content.duration = duration;
    if (!network.spikeRecords().empty()) {
        content.spikes = &network.spikeRecords().front();
        content.spikeSourceSize = static_cast<long long>(content.spikes->countPerNeuron.size());
    }
    if (!network.rateRecords().empty()) {
        content.rate = &network.rateRecords().front();
        const auto& times = content.rate->times;
        content.rateDt = times.size() > 1 ? times[1] - times[0] : duration;
    }
    for (const StateRecord& record : network.stateRecords())
        if (!record.columns.empty() && record.rowCount() > 0) {
            content.traces = &record;
            break;
        }
    return content;
}

void ResultFigure::build(QCustomPlot& plot, const FigureContent& content) {
    plot.clearGraphs();
    plot.plotLayout()->clear();
    plot.setBackground(Qt::white);
    auto* margins = new QCPMarginGroup(&plot);
    int row = 0;
    if (!content.title.isEmpty())
        plot.plotLayout()->addElement(
            row++, 0,
            new QCPTextElement(&plot, content.title,
                               QFont(QApplication::font().family(), 11, QFont::DemiBold)));
    std::vector<QCPAxisRect*> panels;
    if (content.spikes) {
        panels.push_back(figurePanel(plot, row++, "neuron", margins));
        addRaster(plot, panels.back(), content);
    }
    if (content.rate && !content.rate->times.empty()) {
        panels.push_back(figurePanel(plot, row++, "rate [Hz]", margins));
        addRate(plot, panels.back(), content);
    }
    if (content.traces) {
        panels.push_back(figurePanel(plot, row++, "", margins));
        addTraces(plot, panels.back(), content);
    }
    for (QCPAxisRect* panel : panels) {
        panel->axis(QCPAxis::atBottom)->setRange(0.0, content.duration * 1e3);
        panel->axis(QCPAxis::atBottom)->setTickLabels(panel == panels.back());
    }
    if (!panels.empty())
        panels.back()->axis(QCPAxis::atBottom)->setLabel("time [ms]");
    if (content.spikes && panels.size() > 1) // the raster gets the most room
        plot.plotLayout()->setRowStretchFactor(content.title.isEmpty() ? 0 : 1, 2.0);
}

QString ResultFigure::save(const FigureContent& content, const QString& path) {
    if (!content.spikes && !content.rate && !content.traces)
        return "the model has no monitor to plot";
    QCustomPlot plot;
    plot.resize(1000, 800);
    build(plot, content);
    plot.replot();
    return PlotStyle::save(plot, path, 1000, 800);
}

} // namespace spikestudio
