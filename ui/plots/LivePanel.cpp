#include "plots/LivePanel.h"

#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"

#include <qcustomplot.h>

namespace spikestudio {

namespace {
constexpr double kHeaderPointSize = 8.0;
}

LivePanel LivePanel::add(QCustomPlot& plot, int row, const QString& caption,
                         const QString& valueLabel, QCPMarginGroup* margins) {
    LivePanel panel;
    panel.header = PanelHeader::insert(plot, row, caption, margins, kHeaderPointSize);
    panel.axes = PlotStyle::addPanel(plot, row + 1, valueLabel, margins);
    panel.axes->setMinimumSize(100, panel.axes->minimumSize().height());
    panel.axes->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);
    panel.axes->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    panel.axes->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    return panel;
}

} // namespace spikestudio
