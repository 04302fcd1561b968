#include "plots/LiveRate.h"

#include "plots/MonitorCaption.h"
#include "plots/PlotStyle.h"
#include "runtime/RateRecord.h"

#include <cmath>
#include <qcustomplot.h>

namespace spikestudio {

namespace {
constexpr double kRateBin = 1e-3; // seconds
}

LiveRate::LiveRate(QCustomPlot& plot, int row, QCPMarginGroup* margins, const RateRecord& record)
    : panel_(LivePanel::add(plot, row, MonitorCaption::rate(record), "rate [Hz]", margins)) {
    using PlotStyle::kRateColour;
    graph_ = PlotStyle::addGraph(plot, panel_.axes);
    graph_->setPen(QPen(kRateColour, 1.3));
    graph_->setBrush(QColor(kRateColour.red(), kRateColour.green(), kRateColour.blue(), 40));
    graph_->setName(QString::fromStdString(record.monitor));
    panel_.axes->axis(QCPAxis::atLeft)->setRange(0.0, 1.0);
}

void LiveRate::update(const RateRecord& record) {
    const double dt = record.times.size() > 1 ? record.times[1] - record.times[0] : kRateBin;
    const int perBin = std::max(1, int(std::lround(kRateBin / dt)));
    for (size_t k = shown_; k < record.rates.size(); ++k) {
        sum_ += record.rates[k];
        if (++samples_ == perBin) {
            graph_->addData(record.times[k] + dt - kRateBin / 2, sum_ / perBin);
            sum_ = 0.0;
            samples_ = 0;
        }
    }
    shown_ = record.rates.size();
    bool found = false;
    const QCPRange rates = graph_->getValueRange(found);
    if (found)
        panel_.axes->axis(QCPAxis::atLeft)->setRange(0.0, std::max(rates.upper * 1.1, 1.0));
}

qsizetype LiveRate::points() const {
    return graph_->dataCount();
}

} // namespace spikestudio
