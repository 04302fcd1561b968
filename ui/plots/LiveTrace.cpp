#include "plots/LiveTrace.h"

#include "plots/MonitorCaption.h"
#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"

#include <qcustomplot.h>

namespace spikestudio {

using PlotStyle::kMaxTraces;

LiveTrace::LiveTrace(QCustomPlot& plot, int row, QCPMarginGroup* margins, const StateRecord& record,
                     TraceVariable variable)
    : panel_(LivePanel::add(plot, row, MonitorCaption::trace(record, variable.name), QString(),
                            margins)),
      variable_(std::move(variable)), unit_(AxisUnit::forData(variable_.dim, 0.0)) {
    PlotStyle::setValueLabel(panel_.axes, unit_.axisLabel(variable_.name));
    QCPLegend* legend = panel_.header->legend();
    const size_t shown = std::min(variable_.columns.size(), kMaxTraces);
    for (size_t c = 0; c < shown; ++c) {
        QCPGraph* graph = PlotStyle::addGraph(plot, panel_.axes);
        graph->setPen(QPen(PlotStyle::kTraceColours[c], 1.1));
        graph->setName(
            QString("%1[%2]").arg(variable_.name).arg(record.columns[variable_.columns[c]].index));
        legend->addItem(new QCPPlottableLegendItem(legend, graph));
        graphs_.append(graph);
    }
    panel_.header->fitLegend();
    if (variable_.columns.size() > shown)
        panel_.header->setText(
            panel_.header->text() +
            QObject::tr(" · the first %1 of %2 recorded").arg(shown).arg(variable_.columns.size()));
}

void LiveTrace::update(const StateRecord& record) {
    largest_ = std::max(largest_, largestMagnitude(record, variable_, kMaxTraces, rowsShown_));
    const AxisUnit unit = AxisUnit::forData(variable_.dim, largest_);
    if (!(unit == unit_))
        changeUnit(unit);
    for (size_t row = rowsShown_; row < record.rowCount(); ++row)
        for (qsizetype c = 0; c < graphs_.size(); ++c)
            graphs_[c]->addData(record.times[row],
                                record.value(row, variable_.columns[size_t(c)]) * unit_.factor);
    rowsShown_ = record.rowCount();
    if (rowsShown_ > 1)
        fitValueAxis();
}

qsizetype LiveTrace::points() const {
    qsizetype points = 0;
    for (const QCPGraph* graph : graphs_)
        points += graph->dataCount();
    return points;
}

/// What is drawn already is rescaled in place: a prefix changes a few times
/// a run at most (the largest magnitude only grows).
void LiveTrace::changeUnit(const AxisUnit& unit) {
    const double rescale = unit.factor / unit_.factor;
    for (QCPGraph* graph : std::as_const(graphs_))
        for (auto it = graph->data()->begin(); it != graph->data()->end(); ++it)
            it->value *= rescale;
    unit_ = unit;
    PlotStyle::setValueLabel(panel_.axes, unit_.axisLabel(variable_.name));
}

void LiveTrace::fitValueAxis() {
    QCPAxis* axis = panel_.axes->axis(QCPAxis::atLeft);
    axis->rescale();
    const double pad = 0.06 * std::max(axis->range().size(), 1e-12);
    axis->setRange(axis->range().lower - pad, axis->range().upper + pad);
}

} // namespace spikestudio
