#include "plots/TimeAxis.h"

#include <cmath>
#include <qcustomplot.h>

namespace spikestudio {

namespace {

/// Ticks at round values of the unit, labelled in it; keys stay in seconds.
class TimeTicker : public QCPAxisTicker {
public:
    void setPerSecond(double perSecond) { perSecond_ = perSecond; }

protected:
    double getTickStep(const QCPRange& range) override {
        const QCPRange scaled(range.lower * perSecond_, range.upper * perSecond_);
        return QCPAxisTicker::getTickStep(scaled) / perSecond_;
    }
    /// Ticks on round numbers of the unit: 6 * 0.05 s is 0.30000000000000004,
    /// which would fall just past a range ending at 0.3 s and go unlabelled.
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override {
        QVector<double> ticks = QCPAxisTicker::createTickVector(tickStep, range);
        const double grid = perSecond_ * 1e6;
        for (double& tick : ticks)
            tick = std::round(tick * grid) / grid;
        return ticks;
    }
    int getSubTickCount(double tickStep) override {
        return QCPAxisTicker::getSubTickCount(tickStep * perSecond_);
    }
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar,
                         int precision) override {
        const double scaled = tick * perSecond_;
        // A tick at zero computed as 1e-17 must not read "1e-14".
        const double value = std::abs(scaled) < 1e-9 * std::abs(perSecond_) ? 0.0 : scaled;
        return QCPAxisTicker::getTickLabel(value, locale, formatChar, precision);
    }

private:
    double perSecond_ = 1e3;
};

QString labelFor(const TimeAxis::Unit& unit) {
    return QStringLiteral("time [%1]").arg(unit.symbol);
}

} // namespace

TimeAxis::Unit TimeAxis::unitFor(const QCPRange& range) {
    const double reach = std::max(std::abs(range.lower), std::abs(range.upper));
    if (reach <= 2.0)
        return {1e3, "ms"};
    if (reach <= 20 * 60.0)
        return {1.0, "s"};
    if (reach <= 5 * 3600.0)
        return {1.0 / 60, "min"};
    return {1.0 / 3600, "h"};
}

void TimeAxis::install(QCPAxis* axis, bool labelled) {
    auto ticker = QSharedPointer<TimeTicker>::create();
    axis->setTicker(ticker);
    const auto follow = [axis, ticker, labelled](const QCPRange& range) {
        const Unit unit = unitFor(range);
        ticker->setPerSecond(unit.perSecond);
        if (labelled)
            axis->setLabel(labelFor(unit));
    };
    follow(axis->range());
    QObject::connect(axis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), axis, follow);
}

} // namespace spikestudio
