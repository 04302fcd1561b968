#include "canvas/GroupNodeItem.h"

#include "canvas/CanvasStyle.h"
#include "canvas/NetworkScene.h"

#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStyleOptionGraphicsItem>

namespace spikestudio {

GroupNodeItem::GroupNodeItem(const spikestudio::GroupSpec& group) {
    setFlags(ItemIsMovable | ItemIsSelectable | ItemSendsGeometryChanges);
    setZValue(1); // above arrows
    setGroup(group);
}

void GroupNodeItem::setGroup(const spikestudio::GroupSpec& group) {
    const QString name = QString::fromStdString(group.name);
    if (name == name_ && group.type == type_ && group.size == size_)
        return;
    name_ = name;
    type_ = group.type;
    size_ = group.size;
    updateToolTip();
    update();
}

void GroupNodeItem::setMonitors(const QString& summary) {
    if (summary == monitors_)
        return;
    prepareGeometryChange(); // the card grows a line for them
    monitors_ = summary;
    updateToolTip();
    update();
}

namespace {

/// Lanes for overlapping subgroups: each band goes on the first lane where it
/// overlaps no band already placed.
void assignLanes(QList<GroupNodeItem::Band>& bands) {
    QList<QList<QPair<long long, long long>>> lanes; // per lane, the ranges placed on it
    for (GroupNodeItem::Band& band : bands) {
        int lane = 0;
        for (; lane < lanes.size(); ++lane) {
            bool free = true;
            for (const auto& [start, stop] : lanes[lane])
                free = free && (band.stop <= start || band.start >= stop);
            if (free)
                break;
        }
        if (lane == lanes.size())
            lanes.append(QList<QPair<long long, long long>>());
        lanes[lane].append({band.start, band.stop});
        band.lane = lane;
    }
}

} // namespace

void GroupNodeItem::setSubgroups(const std::vector<spikestudio::SubgroupSpec>& subgroups,
                                 const QHash<QString, QString>& monitors) {
    QList<Band> bands;
    for (const spikestudio::SubgroupSpec& subgroup : subgroups) {
        const QString name = QString::fromStdString(subgroup.name);
        bands.append({name, subgroup.start, subgroup.stop, 0, monitors.value(name)});
    }
    assignLanes(bands);
    const bool same =
        bands.size() == bands_.size() &&
        std::equal(bands.begin(), bands.end(), bands_.begin(), [](const Band& a, const Band& b) {
            return a.name == b.name && a.start == b.start && a.stop == b.stop && a.lane == b.lane &&
                   a.monitors == b.monitors;
        });
    if (same)
        return;
    prepareGeometryChange(); // the card grows a lane of bands
    bands_ = bands;
    updateToolTip();
    update();
}

int GroupNodeItem::laneCount() const {
    int lanes = 0;
    for (const Band& band : bands_)
        lanes = std::max(lanes, band.lane + 1);
    return lanes;
}

double GroupNodeItem::bandsHeight() const {
    return bands_.isEmpty() ? 0 : laneCount() * kBandHeight + 6;
}

QRectF GroupNodeItem::bandRect(const QString& name) const {
    const QRectF card = cardRect();
    const double left = card.left() + 10, width = card.width() - 14;
    const double top = card.bottom() - bandsHeight() + 2;
    for (const Band& band : bands_) {
        if (band.name != name)
            continue;
        // Clamped to the card: an out-of-range subgroup is the checker's to report.
        const double n = double(std::max<long long>(size_, 1));
        const double from = std::clamp(double(band.start) / n, 0.0, 1.0);
        const double to = std::clamp(double(band.stop) / n, from, 1.0);
        const double x = left + width * from;
        const double w = std::max(width * (to - from), 6.0);
        return QRectF(std::min(x, left + width - w), top + band.lane * kBandHeight, w,
                      kBandHeight - 2);
    }
    return {};
}

QString GroupNodeItem::subgroupAt(QPointF itemPos) const {
    // The last drawn is on top.
    for (auto band = bands_.crbegin(); band != bands_.crend(); ++band)
        if (bandRect(band->name).contains(itemPos))
            return band->name;
    return {};
}

QPointF GroupNodeItem::bandAnchor(const QString& name) const {
    const QRectF band = bandRect(name);
    return mapToScene(QPointF(band.center().x(), band.bottom()));
}

void GroupNodeItem::updateToolTip() {
    QString tip = QStringLiteral("%1 (%2)").arg(name_, spikestudio::typeName(type_));
    if (!monitors_.isEmpty())
        tip += QObject::tr("\nRecorded: %1").arg(monitors_);
    for (const Band& band : bands_) {
        tip += QStringLiteral("\n%1 = %2[%3:%4]")
                   .arg(band.name, name_, QString::number(band.start), QString::number(band.stop));
        if (!band.monitors.isEmpty())
            tip += QObject::tr(" (recorded: %1)").arg(band.monitors);
    }
    setToolTip(tip + QObject::tr("\nRight-click to record, copy or delete it"));
}

void GroupNodeItem::setHasProblem(bool hasProblem) {
    if (hasProblem_ != hasProblem) {
        hasProblem_ = hasProblem;
        update();
    }
}

void GroupNodeItem::setConnectSource(bool isSource) {
    if (connectSource_ != isSource) {
        connectSource_ = isSource;
        update();
    }
}

QRectF GroupNodeItem::cardRect() const {
    const double height = kHeight + (monitors_.isEmpty() ? 0 : kMonitorsHeight) + bandsHeight();
    return QRectF(-kWidth / 2, -height / 2, kWidth, height);
}

QRectF GroupNodeItem::boundingRect() const {
    return cardRect().adjusted(-4, -4, 4, 4);
}

QColor GroupNodeItem::borderColor() const {
    if (hasProblem_)
        return CanvasStyle::problem();
    if (isSelected() || connectSource_)
        return CanvasStyle::accent();
    return CanvasStyle::outline();
}

void GroupNodeItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF card = cardRect();
    QPainterPath outline;
    outline.addRoundedRect(card, 8, 8);
    painter->fillPath(outline, Qt::white);

    // A coloured stripe on the left tells the kind of group at a glance.
    painter->save();
    painter->setClipPath(outline);
    painter->fillRect(QRectF(card.left(), card.top(), 6, card.height()),
                      CanvasStyle::groupColor(type_));
    painter->restore();

    const bool emphasised = isSelected() || connectSource_ || hasProblem_;
    painter->setPen(QPen(borderColor(), emphasised ? 2.0 : 1.0));
    painter->drawPath(outline);

    const QRectF textArea =
        card.adjusted(16, 9, -10, -9 - (monitors_.isEmpty() ? 0 : kMonitorsHeight) - bandsHeight());
    QFont font = painter->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.1);
    painter->setFont(font);
    painter->setPen(CanvasStyle::text());
    painter->drawText(
        textArea, Qt::AlignLeft | Qt::AlignTop,
        painter->fontMetrics().elidedText(name_, Qt::ElideRight, int(textArea.width())));
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() / 1.1 * 0.9);
    painter->setFont(font);
    painter->setPen(CanvasStyle::mutedText());
    painter->drawText(textArea, Qt::AlignLeft | Qt::AlignBottom,
                      QStringLiteral("%1 · N = %2")
                          .arg(spikestudio::typeName(type_), QLocale::c().toString(size_)));
    if (!monitors_.isEmpty()) {
        const QRectF monitorArea(textArea.left(), textArea.bottom() + 4, textArea.width(),
                                 kMonitorsHeight);
        painter->setPen(CanvasStyle::accent());
        painter->drawText(monitorArea, Qt::AlignLeft | Qt::AlignVCenter,
                          painter->fontMetrics().elidedText(QStringLiteral("◉ ") + monitors_,
                                                            Qt::ElideRight,
                                                            int(monitorArea.width())));
    }
    paintBands(painter);
}

void GroupNodeItem::paintBands(QPainter* painter) {
    if (bands_.isEmpty())
        return;
    QFont font = painter->font();
    font.setPointSizeF(font.pointSizeF() * 0.9);
    painter->setFont(font);
    const QColor fill = CanvasStyle::groupColor(type_);
    for (const Band& band : bands_) {
        const QRectF rect = bandRect(band.name);
        QColor tint = fill;
        tint.setAlpha(band.lane % 2 == 0 ? 60 : 90);
        painter->setPen(QPen(fill.darker(130), 1));
        painter->setBrush(tint);
        painter->drawRoundedRect(rect, 3, 3);
        const QString label =
            band.monitors.isEmpty() ? band.name : band.name + QStringLiteral(" ◉");
        painter->setPen(band.monitors.isEmpty() ? CanvasStyle::text() : CanvasStyle::accent());
        painter->drawText(
            rect.adjusted(3, 0, -2, 0), Qt::AlignCenter,
            painter->fontMetrics().elidedText(label, Qt::ElideRight, int(rect.width() - 5)));
    }
}

QVariant GroupNodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged)
        if (auto* network = qobject_cast<NetworkScene*>(scene()))
            network->updateArrows();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace spikestudio
