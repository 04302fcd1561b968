#include "plots/PlotStyle.h"

#include <qcustomplot.h>

namespace spikestudio::PlotStyle {

QCPAxisRect* addPanel(QCustomPlot& plot, int row, const QString& label, QCPMarginGroup* margins) {
    auto* panel = new QCPAxisRect(&plot);
    plot.plotLayout()->addElement(row, 0, panel);
    panel->setMarginGroup(QCP::msLeft | QCP::msRight, margins);
    panel->axis(QCPAxis::atLeft)->setLabel(label);
    return panel;
}

QCPGraph* addGraph(QCustomPlot& plot, QCPAxisRect* panel) {
    return plot.addGraph(panel->axis(QCPAxis::atBottom), panel->axis(QCPAxis::atLeft));
}

} // namespace spikestudio::PlotStyle
