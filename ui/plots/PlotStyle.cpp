#include "plots/PlotStyle.h"

#include <QFileInfo>
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

QString save(QCustomPlot& plot, const QString& path, int width, int height) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    bool saved = false;
    if (suffix == "png")
        saved = plot.savePng(path, width, height, 2.0);
    else if (suffix == "jpg" || suffix == "jpeg")
        saved = plot.saveJpg(path, width, height, 2.0);
    else if (suffix == "pdf")
        saved = plot.savePdf(path, width, height);
    else
        return QObject::tr("the plot file must end in .png, .jpg or .pdf");
    return saved ? QString() : QObject::tr("cannot write %1").arg(path);
}

} // namespace spikestudio::PlotStyle
