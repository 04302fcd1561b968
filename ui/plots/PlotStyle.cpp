#include "plots/PlotStyle.h"

#include "files/AtomicOutputFile.h"
#include "plots/MemoryFile.h"

#include <QFile>
#include <QFileInfo>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace spikestudio::PlotStyle {

namespace {

/// Vector drawing into an SVG file; QCustomPlot has no savePng-like call for it.
bool saveSvg(QCustomPlot& plot, const QString& path, const QString& title, int width, int height) {
    const QSize size(width > 0 ? width : plot.width(), height > 0 ? height : plot.height());
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QSvgGenerator svg;
    svg.setOutputDevice(&file);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(QObject::tr("Plot exported by Spike Studio"));
    QCPPainter painter;
    if (!painter.begin(&svg))
        return false;
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    plot.toPainter(&painter, size.width(), size.height());
    painter.end();
    return file.error() == QFileDevice::NoError;
}

} // namespace

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

/// Draws `plot` into the file at `target` in the format `suffix` names.
bool render(QCustomPlot& plot, const QString& suffix, const QString& target, const QString& title,
            int width, int height) {
    if (suffix == "png")
        return plot.savePng(target, width, height, 2.0);
    if (suffix == "jpg" || suffix == "jpeg")
        return plot.saveJpg(target, width, height, 2.0);
    if (suffix == "pdf")
        return plot.savePdf(target, width, height);
    return saveSvg(plot, target, title, width, height);
}

QString save(QCustomPlot& plot, const QString& path, int width, int height) {
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (!QStringList{"png", "jpg", "jpeg", "pdf", "svg"}.contains(suffix))
        return QObject::tr("the plot file must end in .png, .jpg, .pdf or .svg (not '%1')")
            .arg(QFileInfo(path).fileName());
    try {
        // Drawn in memory, then written through checked writes to a
        // temporary renamed into place: a failure keeps any earlier file.
        AtomicOutputFile file(QFile::encodeName(path).toStdString());
        const MemoryFile drawing;
        if (!render(plot, suffix, drawing.path(), QFileInfo(path).completeBaseName(), width,
                    height))
            return QObject::tr("cannot draw the plot for %1").arg(path);
        const QByteArray bytes = drawing.contents();
        file.stream().write(bytes.constData(), bytes.size());
        file.commit();
        return {};
    } catch (const std::exception& error) {
        return QString::fromUtf8(error.what());
    }
}

QString saveFilter() {
    return QObject::tr("PNG image (*.png);;SVG drawing (*.svg);;PDF (*.pdf);;JPEG image (*.jpg)");
}

} // namespace spikestudio::PlotStyle
