#include "plots/LivePlot.h"

#include "plots/LiveRaster.h"
#include "plots/LiveRate.h"
#include "plots/LiveTrace.h"
#include "plots/PanelHeader.h"
#include "plots/PlotStyle.h"
#include "plots/SegmentMarks.h"
#include "plots/TimeAxis.h"
#include "run/LiveRecords.h"

#include <QVBoxLayout>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

// Past these the live view would be all panels and no room; the figure of a
// stored run (Runs tab) draws every monitor.
constexpr size_t kMaxRasters = 2;
constexpr size_t kMaxRates = 2;
constexpr size_t kMaxTracePanels = 4;

} // namespace

LivePlot::LivePlot(QWidget* parent) : QWidget(parent), plot_(new QCustomPlot(this)) {
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(plot_);
    plot_->setObjectName("livePlot");
    plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot_->setNoAntialiasingOnDrag(true);
    plot_->setNotAntialiasedElements(QCP::aeScatters);
    plot_->setAutoAddPlottableToLegend(false);
    PlotStyle::spaceTicks(*plot_);
    reset(0.0);
    showMessage(tr("Run the model to see what its monitors record, as the run goes on."));
    plot_->replot();
}

LivePlot::~LivePlot() = default;

void LivePlot::clear() {
    rasters_.clear();
    rates_.clear();
    traces_.clear();
    traceRecords_.clear();
    rasterRecords_.clear();
    plot_->clearGraphs();
    plot_->clearItems();
    plot_->plotLayout()->clear();
    built_ = false;
}

void LivePlot::reset(double duration) {
    duration_ = duration;
    records_ = nullptr;
    clear();
    plot_->replot();
}

void LivePlot::setScrollingWindow(double seconds) {
    window_ = std::max(0.0, seconds);
}

void LivePlot::refresh(const LiveRecords& records, double simulatedTime) {
    if (duration_ <= 0) // the run's records are not shaped yet
        return;
    records_ = &records;
    syncing_ = true; // axes moved while the records are locked must not read them again
    records.read([&](const RunResults& results) {
        if (!built_)
            build(results);
        updateRange(simulatedTime);
        for (size_t k = 0; k < rasters_.size(); ++k)
            rasters_[k]->update(results.spikes[rasterRecords_[k]]);
        for (size_t k = 0; k < rates_.size(); ++k)
            rates_[k]->update(results.rates[k]);
        for (size_t k = 0; k < traces_.size(); ++k)
            traces_[k]->update(results.states[traceRecords_[k]]);
    });
    syncing_ = false;
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::build(const RunResults& results) {
    const std::deque<SpikeRecord>& spikes = results.spikes;
    const std::deque<StateRecord>& states = results.states;
    const std::deque<RateRecord>& rates = results.rates;
    auto* margins = new QCPMarginGroup(plot_);
    int row = 0;
    // A monitor that only counts (record: false) has no events to draw.
    for (size_t k = 0; k < spikes.size() && rasters_.size() < kMaxRasters; ++k) {
        if (!spikes[k].keepsEvents)
            continue;
        rasters_.push_back(std::make_unique<LiveRaster>(*plot_, row, margins, spikes[k]));
        rasterRecords_.push_back(k);
        plot_->plotLayout()->setRowStretchFactor(
            row + 1, PlotStyle::rasterStretch(spikes[k].countPerNeuron.size()));
        row += 2;
    }
    for (size_t k = 0; k < std::min(rates.size(), kMaxRates); ++k, row += 2)
        rates_.push_back(std::make_unique<LiveRate>(*plot_, row, margins, rates[k]));
    size_t notShown = 0;
    for (size_t k = 0; k < states.size(); ++k)
        for (TraceVariable& variable : traceVariables(states[k])) {
            if (traces_.size() == kMaxTracePanels) {
                ++notShown;
                continue;
            }
            traces_.push_back(
                std::make_unique<LiveTrace>(*plot_, row, margins, states[k], std::move(variable)));
            traceRecords_.push_back(k);
            row += 2;
        }
    built_ = true;
    const std::vector<QCPAxisRect*> shown = panels();
    if (shown.empty())
        return showMessage(tr("This model has no monitors: right-click a group to record its "
                              "spikes, its rate or a variable."));
    for (QCPAxisRect* panel : shown) {
        TimeAxis::install(panel->axis(QCPAxis::atBottom), panel == shown.back());
        panel->axis(QCPAxis::atBottom)->setTickLabels(panel == shown.back());
        followTimeAxis(panel);
        SegmentMarks::add(*plot_, panel, segmentStarts_);
    }
    if (notShown > 0)
        PanelHeader::insert(*plot_, row,
                            (notShown == 1 ? tr("1 more recorded variable is")
                                           : tr("%1 more recorded variables are").arg(notShown)) +
                                tr(" not shown here; Show plots in the Runs tab draws every one."),
                            margins, 8.0);
}

void LivePlot::showMessage(const QString& message) {
    auto* text = new QCPTextElement(plot_, message, QFont(font().family(), 10));
    text->setTextColor(QColor(0x6b, 0x72, 0x7c));
    plot_->plotLayout()->addElement(plot_->plotLayout()->rowCount(), 0, text);
}

/// Dragging or zooming one panel's time axis moves them all, and the
/// rasters thin out or fill in for the new view.
void LivePlot::followTimeAxis(QCPAxisRect* panel) {
    const auto follow = [this, panel](const QCPRange& range) {
        if (syncing_)
            return;
        syncing_ = true;
        for (QCPAxisRect* other : panels())
            other->axis(QCPAxis::atBottom)->setRange(range);
        syncing_ = false;
        updatePanels();
    };
    connect(panel->axis(QCPAxis::atBottom), qOverload<const QCPRange&>(&QCPAxis::rangeChanged),
            this, follow);
    connect(panel->axis(QCPAxis::atLeft), qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this] {
                if (!syncing_)
                    updatePanels();
            });
}

void LivePlot::updatePanels() {
    if (!records_)
        return;
    syncing_ = true; // a raster redrawn for its view moves no axis
    records_->read([&](const RunResults& results) {
        for (size_t k = 0; k < rasters_.size(); ++k)
            rasters_[k]->update(results.spikes[rasterRecords_[k]]);
    });
    syncing_ = false;
    plot_->replot(QCustomPlot::rpQueuedReplot);
}

void LivePlot::updateRange(double simulatedTime) {
    const double end = window_ > 0 ? std::max(simulatedTime, window_) : duration_;
    const double start = window_ > 0 ? end - window_ : 0.0;
    for (QCPAxisRect* panel : panels())
        panel->axis(QCPAxis::atBottom)->setRange(start, std::max(end, 1e-9));
}

std::vector<QCPAxisRect*> LivePlot::panels() const {
    std::vector<QCPAxisRect*> panels;
    for (const auto& raster : rasters_)
        panels.push_back(raster->panel());
    for (const auto& rate : rates_)
        panels.push_back(rate->panel());
    for (const auto& trace : traces_)
        panels.push_back(trace->panel());
    return panels;
}

qsizetype LivePlot::spikePoints() const {
    return rasters_.empty() ? 0 : rasters_.front()->points();
}

int LivePlot::neuronStride() const {
    return rasters_.empty() ? 1 : rasters_.front()->stride();
}

qsizetype LivePlot::ratePoints() const {
    return rates_.empty() ? 0 : rates_.front()->points();
}

qsizetype LivePlot::tracePoints() const {
    qsizetype points = 0;
    for (const auto& trace : traces_)
        points += trace->points();
    return points;
}

} // namespace spikestudio
