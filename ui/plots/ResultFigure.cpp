#include "plots/ResultFigure.h"

#include "plots/FigurePanels.h"
#include "plots/MonitorCaption.h"
#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"
#include "plots/SegmentMarks.h"
#include "plots/TraceVariables.h"

#include <qcustomplot.h>

namespace spikestudio {

namespace {

using namespace PlotStyle;

/// The figure as it is built, a header and a panel at a time.
struct Figure {
    explicit Figure(QCustomPlot& plot) : plot(plot), margins(new QCPMarginGroup(&plot)) {}

    QCustomPlot& plot;
    QCPMarginGroup* margins;
    int row = 0;
    std::vector<QCPAxisRect*> panels;

    std::pair<PanelHeader*, QCPAxisRect*> addPanel(const QString& caption, const QString& yLabel,
                                                   double stretch) {
        PanelHeader* header = FigurePanels::addHeader(plot, row++, caption, margins);
        panels.push_back(FigurePanels::addPanel(plot, row, yLabel, margins));
        plot.plotLayout()->setRowStretchFactor(row++, stretch);
        return {header, panels.back()};
    }
};

/// One variable's first few indices, one colour each, named in the header.
void addVariable(Figure& figure, const StateRecord& record, const TraceVariable& variable) {
    const AxisUnit unit =
        AxisUnit::forData(variable.dim, largestMagnitude(record, variable, kMaxTraces));
    const auto [header, panel] = figure.addPanel(MonitorCaption::trace(record, variable.name),
                                                 unit.axisLabel(variable.name), 1.0);
    QCPLegend* legend = header->legend();
    const size_t shown = std::min(variable.columns.size(), kMaxTraces);
    for (size_t c = 0; c < shown; ++c) {
        QCPGraph* graph = FigurePanels::addTrace(figure.plot, panel, record, variable.columns[c],
                                                 unit, kTraceColours[c]);
        legend->addItem(new QCPPlottableLegendItem(legend, graph));
    }
    header->fitLegend();
    FigurePanels::fitValueAxis(panel);
}

} // namespace

FigureContent FigureContent::of(const RunResults& results, double duration, const QString& title) {
    FigureContent content;
    content.title = title;
    content.duration = duration;
    for (const SpikeRecord& record : results.spikes)
        if (record.keepsEvents) // counts alone (record: false) draw no raster
            content.spikes.push_back(&record);
    for (const RateRecord& record : results.rates)
        if (!record.times.empty())
            content.rates.push_back(&record);
    for (const StateRecord& record : results.states)
        if (!record.columns.empty() && record.rowCount() > 0)
            content.traces.push_back(&record);
    return content;
}

void ResultFigure::build(QCustomPlot& plot, const FigureContent& content) {
    plot.setAutoAddPlottableToLegend(false); // the first legend made would list every graph
    plot.clearGraphs();
    plot.clearItems();
    plot.plotLayout()->clear();
    plot.setBackground(Qt::white);
    PlotStyle::spaceTicks(plot);
    Figure figure(plot);
    if (!content.title.isEmpty())
        FigurePanels::addTitle(plot, figure.row++, content.title);
    for (const SpikeRecord* spikes : content.spikes) {
        QCPAxisRect* panel = figure
                                 .addPanel(MonitorCaption::spikes(*spikes), "neuron",
                                           rasterStretch(spikes->countPerNeuron.size()))
                                 .second;
        FigurePanels::addRaster(plot, panel, *spikes, kSpikeColour);
    }
    for (const RateRecord* rate : content.rates) {
        QCPAxisRect* panel = figure.addPanel(MonitorCaption::rate(*rate), "rate [Hz]", 1.0).second;
        FigurePanels::addRate(plot, panel, *rate, kRateColour, true);
        FigurePanels::fitRateAxis(panel);
    }
    for (const StateRecord* record : content.traces)
        for (const TraceVariable& variable : traceVariables(*record))
            addVariable(figure, *record, variable);
    FigurePanels::shareTimeAxis(figure.panels, content.duration);
    for (QCPAxisRect* panel : figure.panels)
        SegmentMarks::add(plot, panel, content.segmentStarts);
}

QString ResultFigure::save(const FigureContent& content, const QString& path) {
    if (content.empty())
        return "the model has no monitor with values to plot (a raster, a rate or a trace)";
    QCustomPlot plot;
    // Taller for every panel past the usual raster, rate and trace.
    size_t panels = content.spikes.size() + content.rates.size();
    for (const StateRecord* record : content.traces)
        panels += traceVariables(*record).size();
    const int height = 800 + 150 * std::max(0, int(panels) - 3);
    plot.resize(1000, height);
    plot.setViewport(QRect(0, 0, 1000, height)); // a hidden widget gets no resize event
    build(plot, content);
    plot.replot(); // lays the panels out
    plot.replot(); // places as many ticks as their heights hold
    return PlotStyle::save(plot, path, 1000, height);
}

} // namespace spikestudio
