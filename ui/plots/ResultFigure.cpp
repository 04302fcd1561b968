#include "plots/ResultFigure.h"

#include "plots/FigurePanels.h"
#include "plots/PlotStyle.h"
#include "runtime/Network.h"

#include <qcustomplot.h>

namespace spikestudio {

namespace {

using namespace PlotStyle;

/// The first few columns of `record`, one colour each, named in a legend.
void addTraces(QCustomPlot& plot, QCPAxisRect* panel, const StateRecord& record) {
    const size_t shown = std::min(record.columns.size(), kMaxTraces);
    QCPLegend* legend = FigurePanels::addLegend(panel);
    for (size_t c = 0; c < shown; ++c) {
        QCPGraph* graph = FigurePanels::addTrace(plot, panel, record, c, kTraceColours[c]);
        legend->addItem(new QCPPlottableLegendItem(legend, graph));
    }
    FigurePanels::fitValueAxis(panel);
    const StateRecord::Column& first = record.columns.front();
    panel->axis(QCPAxis::atLeft)
        ->setLabel(QString::fromStdString(first.variable) + FigurePanels::unitSuffix(first));
}

} // namespace

FigureContent FigureContent::of(const Network& network, double duration, const QString& title) {
    FigureContent content;
    content.title = title;
    content.duration = duration;
    if (!network.spikeRecords().empty())
        content.spikes = &network.spikeRecords().front();
    if (!network.rateRecords().empty() && !network.rateRecords().front().times.empty())
        content.rate = &network.rateRecords().front();
    for (const StateRecord& record : network.stateRecords())
        if (!record.columns.empty() && record.rowCount() > 0) {
            content.traces = &record;
            break;
        }
    return content;
}

void ResultFigure::build(QCustomPlot& plot, const FigureContent& content) {
    plot.setAutoAddPlottableToLegend(false); // the first legend made would list every graph
    plot.clearGraphs();
    plot.plotLayout()->clear();
    plot.setBackground(Qt::white);
    auto* margins = new QCPMarginGroup(&plot);
    int row = 0;
    if (!content.title.isEmpty())
        FigurePanels::addTitle(plot, row++, content.title);
    std::vector<QCPAxisRect*> panels;
    if (content.spikes) {
        panels.push_back(FigurePanels::addPanel(plot, row++, "neuron", margins));
        FigurePanels::addRaster(plot, panels.back(), *content.spikes, kSpikeColour);
    }
    if (content.rate) {
        panels.push_back(FigurePanels::addPanel(plot, row++, "rate [Hz]", margins));
        FigurePanels::addRate(plot, panels.back(), *content.rate, kRateColour, true);
        FigurePanels::fitRateAxis(panels.back());
    }
    if (content.traces) {
        panels.push_back(FigurePanels::addPanel(plot, row++, "", margins));
        addTraces(plot, panels.back(), *content.traces);
    }
    FigurePanels::shareTimeAxis(panels, content.duration);
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
