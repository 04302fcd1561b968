#pragma once

#include "plots/AxisUnit.h"
#include "plots/LivePanel.h"
#include "plots/TraceVariables.h"

#include <QList>

class QCPGraph;

namespace spikestudio {

/// One variable of a StateMonitor in its own live panel, labelled with its
/// unit ("w [pA]"): the first few recorded indices, one colour each, named in
/// the header's legend. The SI prefix follows the data as it grows.
class LiveTrace {
public:
    LiveTrace(QCustomPlot& plot, int row, QCPMarginGroup* margins, const StateRecord& record,
              TraceVariable variable);

    /// Adds the rows recorded since the last call and fits the value axis.
    void update(const StateRecord& record);

    QCPAxisRect* panel() const { return panel_.axes; }
    PanelHeader* header() const { return panel_.header; }
    const AxisUnit& unit() const { return unit_; }
    qsizetype points() const;

private:
    void changeUnit(const AxisUnit& unit);
    void fitValueAxis();

    LivePanel panel_;
    TraceVariable variable_;
    AxisUnit unit_;
    double largest_ = 0.0;
    size_t rowsShown_ = 0;
    QList<QCPGraph*> graphs_;
};

} // namespace spikestudio
