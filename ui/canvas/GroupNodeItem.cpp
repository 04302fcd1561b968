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

void GroupNodeItem::updateToolTip() {
    QString tip = QStringLiteral("%1 (%2)").arg(name_, spikestudio::typeName(type_));
    if (!monitors_.isEmpty())
        tip += QObject::tr("\nRecorded: %1").arg(monitors_);
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
    const double height = kHeight + (monitors_.isEmpty() ? 0 : kMonitorsHeight);
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
        card.adjusted(16, 9, -10, -9 - (monitors_.isEmpty() ? 0 : kMonitorsHeight));
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
}

QVariant GroupNodeItem::itemChange(GraphicsItemChange change, const QVariant& value) {
    if (change == ItemPositionHasChanged)
        if (auto* network = qobject_cast<NetworkScene*>(scene()))
            network->updateArrows();
    return QGraphicsItem::itemChange(change, value);
}

} // namespace spikestudio
