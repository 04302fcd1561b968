#include "plots/LiveRaster.h"

#include "plots/MonitorCaption.h"
#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"
#include "plots/RasterDecimation.h"
#include "runtime/SpikeRecord.h"

#include <qcustomplot.h>

namespace spikestudio {

namespace {

/// A pre-drawn square blitted per spike: an order of magnitude cheaper than
/// antialiased discs once a raster holds tens of thousands of spikes. Few
/// rows get bigger dots.
QCPScatterStyle dotFor(double neurons) {
    const int size = neurons <= 50 ? 3 : 2;
    QPixmap dot(size, size);
    dot.fill(PlotStyle::kSpikeColour);
    return QCPScatterStyle(dot);
}

} // namespace

LiveRaster::LiveRaster(QCustomPlot& plot, int row, QCPMarginGroup* margins,
                       const SpikeRecord& record)
    : panel_(LivePanel::add(plot, row, MonitorCaption::spikes(record), "neuron", margins)),
      caption_(MonitorCaption::spikes(record)), neurons_(double(record.countPerNeuron.size())) {
    for (QCPAxis* axis : panel_.axes->axes())
        axis->grid()->setVisible(false);
    PlotStyle::useIntegerTicks(panel_.axes);
    panel_.axes->axis(QCPAxis::atLeft)->setRange(-0.5, std::max(neurons_, 1.0) - 0.5);
    graph_ = PlotStyle::addGraph(plot, panel_.axes);
    graph_->setLineStyle(QCPGraph::lsNone);
    graph_->setScatterStyle(dotFor(neurons_));
    graph_->setAdaptiveSampling(true);
    graph_->setName(QString::fromStdString(record.monitor));
}

void LiveRaster::update(const SpikeRecord& record) {
    const QCPRange view = panel_.axes->axis(QCPAxis::atBottom)->range();
    const RasterDecimation::SpikeRange inView =
        RasterDecimation::spikesBetween(record.times, view.lower, view.upper);
    const int stride = RasterDecimation::strideFor(double(inView.size()) * visibleNeuronShare(),
                                                   kSpikeBudget, stride_);
    // One view's width either side is kept, so that a small drag redraws nothing.
    const double margin = view.size();
    if (stride != stride_ || view.lower < coveredFrom_ || view.upper > coveredTo_ ||
        record.times.size() < appended_) {
        stride_ = stride;
        redraw(record, view.lower - margin, view.upper + margin);
        showStride();
        return;
    }
    if (coveredTo_ == kInfinity) {
        append(record, appended_, record.times.size());
        appended_ = record.times.size();
    }
    if (view.lower - 2 * margin > coveredFrom_) { // a scrolling window left these behind
        coveredFrom_ = view.lower - margin;
        graph_->data()->removeBefore(coveredFrom_);
    }
}

qsizetype LiveRaster::points() const {
    return graph_->dataCount();
}

void LiveRaster::redraw(const SpikeRecord& record, double from, double to) {
    const RasterDecimation::SpikeRange range =
        RasterDecimation::spikesBetween(record.times, from, to);
    graph_->data()->clear();
    append(record, range.first, range.last);
    coveredFrom_ = range.first == 0 ? -kInfinity : from;
    const bool reachesNewest = range.last == record.times.size();
    coveredTo_ = reachesNewest ? kInfinity : to;
    appended_ = range.last;
}

void LiveRaster::append(const SpikeRecord& record, size_t first, size_t last) {
    QVector<double> times, neurons;
    for (size_t k = first; k < last; ++k) {
        if (record.indices[k] % stride_ != 0)
            continue;
        times.append(record.times[k]);
        neurons.append(record.indices[k]);
    }
    graph_->addData(times, neurons, true);
}

double LiveRaster::visibleNeuronShare() const {
    if (neurons_ <= 0)
        return 1.0;
    const QCPRange rows = panel_.axes->axis(QCPAxis::atLeft)->range();
    const double low = std::clamp(rows.lower, -0.5, neurons_ - 0.5);
    const double high = std::clamp(rows.upper, -0.5, neurons_ - 0.5);
    return std::clamp((high - low) / neurons_, 0.0, 1.0);
}

void LiveRaster::showStride() {
    panel_.header->setText(
        stride_ == 1
            ? caption_
            : caption_ + QObject::tr(" · 1 in %1 neurons drawn (zoom in for all)").arg(stride_));
}

} // namespace spikestudio
