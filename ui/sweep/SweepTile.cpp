#include "sweep/SweepTile.h"

#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <algorithm>
#include <cmath>

namespace spikestudio {

namespace {

constexpr int kMargin = 4;

QColor inkOf(const QPalette& palette) {
    return palette.color(QPalette::WindowText);
}

} // namespace

SweepTile::SweepTile(std::size_t variant, const QString& label, const QString& description,
                     QWidget* parent)
    : QFrame(parent), variant_(variant), label_(label), description_(description) {
    setFrameShape(QFrame::StyledPanel);
    setObjectName(QString("sweepTile%1").arg(variant));
    setToolTip(description);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
}

void SweepTile::setResult(State state, SweepThumbnail thumbnail, const QString& message) {
    state_ = state;
    thumbnail_ = std::move(thumbnail);
    message_ = message;
    const bool stored = state == State::Finished || state == State::Stopped;
    setCursor(stored ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setToolTip(description_ + "\n" + (stored ? tr("Click to show the run's plots") : message));
    update();
}

void SweepTile::setDrawing(Drawing drawing, double rateScale) {
    drawing_ = drawing;
    rateScale_ = rateScale > 0.0 ? rateScale : 1.0;
    update();
}

QSize SweepTile::sizeHint() const {
    return {200, 130};
}

QSize SweepTile::minimumSizeHint() const {
    const QFontMetrics metrics(font());
    return {120, 3 * metrics.height() + 40};
}

QString SweepTile::footer() const {
    switch (state_) {
    case State::Waiting:
        return tr("waiting…");
    case State::Failed:
        return tr("failed");
    case State::NotRun:
        return tr("cancelled before it ran");
    case State::Stopped:
        return tr("stopped · %1 Hz").arg(thumbnail_.meanRate, 0, 'f', 1);
    case State::Finished:
        break;
    }
    return thumbnail_.empty() ? tr("no spikes recorded")
                              : tr("%1 Hz mean").arg(thumbnail_.meanRate, 0, 'f', 1);
}

void SweepTile::paintEvent(QPaintEvent* event) {
    QFrame::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics metrics(font());
    const QRect inner = contentsRect().adjusted(kMargin, kMargin, -kMargin, -kMargin);
    const QRect top(inner.left(), inner.top(), inner.width(), metrics.height());
    const QRect bottom(inner.left(), inner.bottom() - metrics.height() + 1, inner.width(),
                       metrics.height());
    painter.setPen(inkOf(palette()));
    painter.drawText(top, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(label_, Qt::ElideRight, top.width()));
    QColor quiet = inkOf(palette());
    quiet.setAlphaF(0.7f);
    painter.setPen(state_ == State::Failed ? QColor("#b00020") : quiet);
    painter.drawText(bottom, Qt::AlignLeft | Qt::AlignVCenter,
                     metrics.elidedText(footer(), Qt::ElideRight, bottom.width()));
    const QRect area(inner.left(), top.bottom() + 3, inner.width(),
                     bottom.top() - top.bottom() - 6);
    painter.fillRect(area, palette().color(QPalette::Base));
    if (state_ == State::Failed) {
        painter.setPen(QColor("#b00020"));
        painter.drawText(area.adjusted(4, 4, -4, -4), Qt::AlignCenter | Qt::TextWordWrap, message_);
    } else if (!thumbnail_.empty()) {
        drawing_ == Drawing::Raster ? paintRaster(painter, area) : paintRate(painter, area);
    }
    if (state_ == State::Stopped)
        painter.fillRect(area, QColor(128, 128, 128, 60));
}

/// Each cell of time × neurons as dark as the spikes in it (a square root,
/// so that a few spikes show next to a burst).
void SweepTile::paintRaster(QPainter& painter, const QRect& area) const {
    const auto& cells = thumbnail_.raster;
    const std::uint32_t most = *std::max_element(cells.begin(), cells.end());
    if (most == 0)
        return;
    QImage image(SweepThumbnail::kTimeBins, SweepThumbnail::kNeuronBins, QImage::Format_ARGB32);
    const QColor ink = inkOf(palette());
    for (int row = 0; row < SweepThumbnail::kNeuronBins; ++row)
        for (int column = 0; column < SweepThumbnail::kTimeBins; ++column) {
            const double share = std::sqrt(
                double(cells[std::size_t(row) * SweepThumbnail::kTimeBins + column]) / most);
            QColor pixel = ink;
            pixel.setAlphaF(float(share));
            // Neuron 0 at the bottom, as in the run's raster.
            image.setPixelColor(column, SweepThumbnail::kNeuronBins - 1 - row, pixel);
        }
    painter.drawImage(area, image);
}

/// The population rate as a filled curve, on the scale every tile shares.
void SweepTile::paintRate(QPainter& painter, const QRect& area) const {
    const auto& rate = thumbnail_.rate;
    QPainterPath curve;
    curve.moveTo(area.left(), area.bottom());
    for (std::size_t k = 0; k < rate.size(); ++k) {
        const double x = area.left() + (k + 0.5) * area.width() / double(rate.size());
        const double share = std::min(1.0, rate[k] / rateScale_);
        curve.lineTo(x, area.bottom() - share * (area.height() - 1));
    }
    curve.lineTo(area.right(), area.bottom());
    curve.closeSubpath();
    const QColor line("#1f77b4");
    QColor fill = line;
    fill.setAlphaF(0.3f);
    painter.fillPath(curve, fill);
    painter.setPen(QPen(line, 1.2));
    painter.drawPath(curve);
}

void SweepTile::mouseReleaseEvent(QMouseEvent* event) {
    if (event->button() == Qt::LeftButton && rect().contains(event->position().toPoint()) &&
        (state_ == State::Finished || state_ == State::Stopped))
        emit clicked(variant_);
    QFrame::mouseReleaseEvent(event);
}

} // namespace spikestudio
