#include "plots/SegmentMarks.h"

#include <qcustomplot.h>

namespace spikestudio::SegmentMarks {

namespace {

const QColor kMarkColour(0x6b, 0x72, 0x7c);

/// x in the panel's time (plot coordinates), y as a fraction of its height.
void place(QCPItemPosition* position, QCPAxisRect* panel, double time, double heightFraction) {
    position->setAxes(panel->axis(QCPAxis::atBottom), panel->axis(QCPAxis::atLeft));
    position->setAxisRect(panel);
    position->setTypeX(QCPItemPosition::ptPlotCoords);
    position->setTypeY(QCPItemPosition::ptAxisRectRatio);
    position->setCoords(time, heightFraction);
}

} // namespace

void add(QCustomPlot& plot, QCPAxisRect* panel, const std::vector<double>& starts) {
    for (size_t k = 1; k < starts.size(); ++k) {
        const QString number = QString::number(k + 1);
        auto* line = new QCPItemLine(&plot);
        line->setObjectName("segmentBoundary:" + number);
        line->setClipAxisRect(panel);
        line->setPen(QPen(kMarkColour, 1.0, Qt::DashLine));
        place(line->start, panel, starts[k], 0.0);
        place(line->end, panel, starts[k], 1.0);
        auto* label = new QCPItemText(&plot);
        label->setObjectName("segmentLabel:" + number);
        label->setClipAxisRect(panel);
        label->setText(number);
        label->setColor(kMarkColour);
        QFont font = label->font();
        font.setPointSizeF(7.5);
        label->setFont(font);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setPadding(QMargins(3, 1, 0, 0));
        place(label->position, panel, starts[k], 0.0);
    }
}

} // namespace spikestudio::SegmentMarks
