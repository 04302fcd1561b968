#include "plots/OverlayFigure.h"

#include "plots/FigurePanels.h"
#include "plots/MonitorCaption.h"
#include "plots/PlotStyle.h"

#include <QApplication>
#include <cmath>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

using PlotStyle::kRunColours;

// Past this many trace panels the figure would be all traces.
constexpr size_t kMaxOverlayPanels = 3;
// Characters of the two captions that still fit side by side.
constexpr qsizetype kCaptionsPerLine = 110;

/// The record of `records` named `name`, else the first one, else null.
template <typename Record>
const Record* sameOrFirst(const std::deque<Record>& records, const std::string& name) {
    for (const Record& record : records)
        if (record.monitor == name)
            return &record;
    return records.empty() ? nullptr : &records.front();
}

template <typename Record> std::string firstName(const std::deque<Record>& records) {
    return records.empty() ? std::string() : records.front().monitor;
}

/// A trace both runs recorded: the same monitor, variable and index.
struct SharedTrace {
    const StateRecord* records[2];
    size_t columns[2];
};

std::vector<SharedTrace> sharedTraces(const RunResults& first, const RunResults& second) {
    std::vector<SharedTrace> shared;
    for (const StateRecord& a : first.states)
        for (const StateRecord& b : second.states) {
            if (a.monitor != b.monitor || a.rowCount() == 0 || b.rowCount() == 0)
                continue;
            for (size_t i = 0; i < a.columns.size(); ++i)
                for (size_t j = 0; j < b.columns.size(); ++j)
                    if (a.columns[i].variable == b.columns[j].variable &&
                        a.columns[i].index == b.columns[j].index &&
                        shared.size() < kMaxOverlayPanels)
                        shared.push_back({{&a, &b}, {i, j}});
        }
    return shared;
}

/// The figure as it is built, row by row.
struct OverlayLayout {
    OverlayLayout(QCustomPlot& plot, const OverlayRun& first, const OverlayRun& second)
        : plot(plot), runs{&first, &second}, margins(new QCPMarginGroup(&plot)) {}

    QCustomPlot& plot;
    const OverlayRun* runs[2];
    QCPMarginGroup* margins;
    int row = 0;
    std::vector<QCPAxisRect*> panels;
    QCPGraph* legendGraph[2] = {nullptr, nullptr}; // stands for the run in the legend

    QCPAxisRect* addPanel(const QString& caption, const QString& yLabel, double stretch = 1.0) {
        FigurePanels::addHeader(plot, row++, caption, margins);
        panels.push_back(FigurePanels::addPanel(plot, row, yLabel, margins));
        panels.back()->axis(QCPAxis::atLeft)->ticker()->setTickCount(4); // panels are short
        plot.plotLayout()->setRowStretchFactor(row++, stretch);
        return panels.back();
    }
    /// Lines make better legend keys than dots: a later graph replaces a raster.
    void standsFor(int run, QCPGraph* graph) {
        if (!legendGraph[run] || legendGraph[run]->lineStyle() == QCPGraph::lsNone)
            legendGraph[run] = graph;
    }
};

/// Each run's raster in its own panel: superimposed, dots would hide dots.
void addRasters(OverlayLayout& figure) {
    const std::string name = firstName(figure.runs[0]->results->spikes);
    for (int r = 0; r < 2; ++r)
        if (const SpikeRecord* spikes = sameOrFirst(figure.runs[r]->results->spikes, name)) {
            QCPAxisRect* panel = figure.addPanel(
                figure.runs[r]->name + " · " + MonitorCaption::spikes(*spikes), "neuron",
                0.8 * PlotStyle::rasterStretch(spikes->countPerNeuron.size()));
            figure.standsFor(r,
                             FigurePanels::addRaster(figure.plot, panel, *spikes, kRunColours[r]));
        }
}

void addRates(OverlayLayout& figure) {
    const std::string name = firstName(figure.runs[0]->results->rates);
    QCPAxisRect* panel = nullptr;
    for (int r = 0; r < 2; ++r) {
        const RateRecord* rate = sameOrFirst(figure.runs[r]->results->rates, name);
        if (!rate || rate->times.empty())
            continue;
        if (!panel)
            panel = figure.addPanel(MonitorCaption::rate(*rate), "rate [Hz]");
        figure.standsFor(r,
                         FigurePanels::addRate(figure.plot, panel, *rate, kRunColours[r], false));
    }
    if (panel)
        FigurePanels::fitRateAxis(panel);
}

/// The unit both runs' values of a shared trace read best in.
AxisUnit unitOf(const SharedTrace& trace) {
    double largest = 0.0;
    for (int r = 0; r < 2; ++r) {
        const StateRecord& record = *trace.records[r];
        for (size_t row = 0; row < record.rowCount(); ++row)
            if (std::isfinite(record.value(row, trace.columns[r])))
                largest = std::max(largest, std::abs(record.value(row, trace.columns[r])));
    }
    return AxisUnit::forData(trace.records[0]->columns[trace.columns[0]].dim, largest);
}

void addTraces(OverlayLayout& figure) {
    for (const SharedTrace& trace :
         sharedTraces(*figure.runs[0]->results, *figure.runs[1]->results)) {
        const StateRecord& record = *trace.records[0];
        const StateRecord::Column& column = record.columns[trace.columns[0]];
        const QString name =
            QString("%1[%2]").arg(QString::fromStdString(column.variable)).arg(column.index);
        const AxisUnit unit = unitOf(trace);
        QCPAxisRect* panel =
            figure.addPanel(MonitorCaption::trace(record, name), unit.axisLabel(name));
        for (int r = 0; r < 2; ++r)
            figure.standsFor(r, FigurePanels::addTrace(figure.plot, panel, *trace.records[r],
                                                       trace.columns[r], unit, kRunColours[r]));
        FigurePanels::fitValueAxis(panel);
    }
}

/// The row under the title: one entry per run, side by side, centred.
void addRunLegend(OverlayLayout& figure, int row) {
    auto* centred = new QCPLayoutGrid; // spacer, legend, spacer
    figure.plot.plotLayout()->addElement(row, 0, centred);
    figure.plot.plotLayout()->setRowStretchFactor(row, 0.01); // as tall as its text
    auto* legend = new QCPLegend;
    centred->addElement(0, 0, new QCPLayoutElement(&figure.plot));
    centred->addElement(0, 1, legend);
    centred->addElement(0, 2, new QCPLayoutElement(&figure.plot));
    legend->setLayer("legend");
    legend->setFillOrder(QCPLegend::foColumnsFirst);
    legend->setBorderPen(Qt::NoPen);
    legend->setBrush(Qt::NoBrush);
    legend->setFont(QFont(QApplication::font().family(), 9));
    legend->setColumnSpacing(28);
    legend->setIconTextPadding(8);
    // Long captions go one above the other rather than past the figure's edges.
    if (figure.runs[0]->caption.size() + figure.runs[1]->caption.size() > kCaptionsPerLine)
        legend->setWrap(1);
    for (int r = 0; r < 2; ++r)
        if (QCPGraph* graph = figure.legendGraph[r]) {
            graph->setName(figure.runs[r]->caption);
            legend->addItem(new QCPPlottableLegendItem(legend, graph));
        }
    legend->setSizeConstraintRect(QCPLayoutElement::scrOuterRect);
    legend->setMaximumSize(legend->minimumOuterSizeHint());
}

} // namespace

void OverlayFigure::build(QCustomPlot& plot, const OverlayRun& first, const OverlayRun& second,
                          const QString& title) {
    plot.setAutoAddPlottableToLegend(false); // the first legend made would list every graph
    plot.clearGraphs();
    plot.plotLayout()->clear();
    plot.setBackground(Qt::white);
    PlotStyle::spaceTicks(plot);
    OverlayLayout figure(plot, first, second);
    FigurePanels::addTitle(plot, figure.row++, title);
    const int legendRow = figure.row++;
    addRasters(figure);
    addRates(figure);
    addTraces(figure);
    addRunLegend(figure, legendRow);
    FigurePanels::shareTimeAxis(figure.panels, std::max(first.duration, second.duration));
}

} // namespace spikestudio
