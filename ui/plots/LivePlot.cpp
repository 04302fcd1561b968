#include "plots/LivePlot.h"

#include "plots/AxisUnit.h"
#include "plots/PlotStyle.h"
#include "run/LiveRecords.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

using namespace PlotStyle;

constexpr double kRateBin = 1e-3; // seconds: the live rate is a 1 ms histogram
// Drawing cost grows with the dots on screen; past this many the raster shows
// every 2nd (4th, ...) neuron, so redraws stay fast whatever the run's length.
constexpr qsizetype kSpikeBudget = 20000;

/// A live panel: the shared panel with few ticks (panels are short), dragged
/// and zoomed in both directions.
QCPAxisRect* livePanel(QCustomPlot& plot, int row, const QString& label, QCPMarginGroup* margins) {
    QCPAxisRect* panel = PlotStyle::addPanel(plot, row, label, margins);
    panel->axis(QCPAxis::atLeft)->ticker()->setTickCount(3);
    panel->setMinimumSize(100, 60);
    panel->setRangeDrag(Qt::Horizontal | Qt::Vertical);
    panel->setRangeZoom(Qt::Horizontal | Qt::Vertical);
    return panel;
}

} // namespace

LivePlot::LivePlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setNotAntialiasedElements(QCP::aeScatters);
    build();
}

void LivePlot::build() {
    plot_->clearGraphs();
    plot_->plotLayout()->clear();
    auto* margins = new QCPMarginGroup(plot_);
    raster_ = livePanel(*plot_, 0, "neuron", margins);
    rate_ = livePanel(*plot_, 1, "rate [Hz]", margins);
    traces_ = livePanel(*plot_, 2, "", margins);
    plot_->plotLayout()->setRowStretchFactor(0, 2.0);
    for (QCPAxisRect* panel : {raster_, rate_})
        panel->axis(QCPAxis::atBottom)->setTickLabels(false);
    traces_->axis(QCPAxis::atBottom)->setLabel("time [ms]");
    for (QCPAxis* axis : raster_->axes())
        axis->grid()->setVisible(false);
    spikes_ = addGraph(*plot_, raster_);
    spikes_->setLineStyle(QCPGraph::lsNone);
    // A pre-drawn 2x2 dot blitted per spike: an order of magnitude cheaper than
    // antialiased discs once a raster holds tens of thousands of spikes.
    QPixmap dot(2, 2);
    dot.fill(kSpikeColour);
    spikes_->setScatterStyle(QCPScatterStyle(dot));
    spikes_->setAdaptiveSampling(true);
    rateGraph_ = addGraph(*plot_, rate_);
    rateGraph_->setPen(QPen(kRateColour, 1.3));
    rateGraph_->setBrush(QColor(kRateColour.red(), kRateColour.green(), kRateColour.blue(), 40));
    traceGraphs_.clear();
    shaped_ = false;
}

void LivePlot::reset(double duration) {
    duration_ = duration;
    spikesShown_ = ratesShown_ = rowsShown_ = 0;
    neuronStride_ = 1;
    rateSum_ = 0.0;
    rateSamples_ = 0;
    build();
    updateRange(0.0);
    plot_->replot();
}

void LivePlot::setScrollingWindow(double seconds) {
    window_ = std::max(0.0, seconds);
}

void LivePlot::refresh(const LiveRecords& records, double simulatedTime) {
    records.read([&](const auto& spikeRecords, const auto& stateRecords, const auto& rateRecords) {
        if (!spikeRecords.empty()) {
            const SpikeRecord& record = spikeRecords.front();
            addSpikes(record, spikesShown_);
            spikesShown_ = record.indices.size();
            while (spikes_->dataCount() > kSpikeBudget) { // thin out: every other shown neuron
                neuronStride_ *= 2;
                spikes_->data()->clear();
                addSpikes(record, 0);
                raster_->axis(QCPAxis::atLeft)
                    ->setLabel(QString("neuron (1 in %1)").arg(neuronStride_));
            }
            if (!shaped_)
                raster_->axis(QCPAxis::atLeft)
                    ->setRange(-0.5, double(record.countPerNeuron.size()) - 0.5);
        }
        if (!rateRecords.empty()) {
            const RateRecord& record = rateRecords.front();
            const double dt =
                record.times.size() > 1 ? record.times[1] - record.times[0] : kRateBin;
            const int perBin = std::max(1, int(std::lround(kRateBin / dt)));
            for (size_t k = ratesShown_; k < record.rates.size(); ++k) {
                rateSum_ += record.rates[k];
                if (++rateSamples_ == perBin) {
                    rateGraph_->addData((record.times[k] + dt - kRateBin / 2) * 1e3,
                                        rateSum_ / perBin);
                    rateSum_ = 0.0;
                    rateSamples_ = 0;
                }
            }
            ratesShown_ = record.rates.size();
        }
        if (!stateRecords.empty() && !stateRecords.front().columns.empty()) {
            const StateRecord& record = stateRecords.front();
            const size_t shown = std::min(record.columns.size(), kMaxTraces);
            if (traceGraphs_.isEmpty()) {
                const AxisUnit unit = AxisUnit::of(record.columns.front().dim);
                const QString variable = QString::fromStdString(record.columns.front().variable);
                traces_->axis(QCPAxis::atLeft)
                    ->setLabel(unit.label.isEmpty() ? variable
                                                    : variable + " [" + unit.label + "]");
                for (size_t c = 0; c < shown; ++c) {
                    QCPGraph* graph = addGraph(*plot_, traces_);
                    graph->setPen(QPen(kTraceColours[c], 1.1));
                    graph->setName(QString("%1[%2]")
                                       .arg(QString::fromStdString(record.columns[c].variable))
                                       .arg(record.columns[c].index));
                    traceGraphs_.append(graph);
                }
            }
            for (size_t row = rowsShown_; row < record.rowCount(); ++row)
                for (size_t c = 0; c < shown; ++c)
                    traceGraphs_[qsizetype(c)]->addData(
                        record.times[row] * 1e3,
                        record.value(row, c) * AxisUnit::of(record.columns[c].dim).factor);
            rowsShown_ = record.rowCount();
        }
    });
    if (rowsShown_ > 1) { // the traces' range follows the data, with a margin
        QCPAxis* axis = traces_->axis(QCPAxis::atLeft);
        axis->rescale();
        const double pad = 0.06 * std::max(axis->range().size(), 1e-12);
        axis->setRange(axis->range().lower - pad, axis->range().upper + pad);
    }
    shaped_ = shaped_ || spikesShown_ > 0;
    if (ratesShown_ > 0) {
        bool found = false;
        const QCPRange rates = rateGraph_->getValueRange(found);
        if (found)
            rate_->axis(QCPAxis::atLeft)->setRange(0.0, std::max(rates.upper * 1.1, 1.0));
    }
    updateRange(simulatedTime);
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::addSpikes(const SpikeRecord& record, size_t from) {
    QVector<double> t, neuron;
    for (size_t k = from; k < record.indices.size(); ++k) {
        if (record.indices[k] % neuronStride_ != 0)
            continue;
        t.append(record.times[k] * 1e3);
        neuron.append(record.indices[k]);
    }
    spikes_->addData(t, neuron, true);
}

void LivePlot::updateRange(double simulatedTime) {
    const double end = window_ > 0 ? std::max(simulatedTime, window_) : duration_;
    const double start = window_ > 0 ? end - window_ : 0.0;
    for (QCPAxisRect* panel : {raster_, rate_, traces_})
        panel->axis(QCPAxis::atBottom)->setRange(start * 1e3, std::max(end, 1e-9) * 1e3);
}

qsizetype LivePlot::spikePoints() const {
    return spikes_->dataCount();
}

int LivePlot::neuronStride() const {
    return neuronStride_;
}

qsizetype LivePlot::ratePoints() const {
    return rateGraph_->dataCount();
}

qsizetype LivePlot::tracePoints() const {
    qsizetype points = 0;
    for (const QCPGraph* graph : traceGraphs_)
        points += graph->dataCount();
    return points;
}

} // namespace spikestudio
