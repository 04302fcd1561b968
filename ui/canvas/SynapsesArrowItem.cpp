#include "canvas/SynapsesArrowItem.h"

#include "canvas/CanvasStyle.h"
#include "canvas/GroupNodeItem.h"

#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPathStroker>
#include <QtMath>

namespace spikestudio {

namespace {

constexpr double kArrowHead = 10;

/// A short summary of how the synapses connect, e.g. "i < 3200, p = 0.02".
QString ruleSummary(const spikestudio::ConnectSpec& connect) {
    using Form = spikestudio::ConnectSpec::Form;
    QStringList parts;
    if (connect.form == Form::Generator)
        parts << (connect.overPostsynaptic ? QStringLiteral("i = ") : QStringLiteral("j = ")) +
                     QString::fromStdString(connect.generator);
    if (connect.form == Form::Arrays)
        parts << QObject::tr("%1 pairs").arg(connect.i.size());
    if (!connect.condition.empty())
        parts << QString::fromStdString(connect.condition);
    if (!connect.p.empty())
        parts << QStringLiteral("p = ") + QString::fromStdString(connect.p);
    if (parts.isEmpty())
        parts << QObject::tr("all to all");
    return parts.join(QStringLiteral(", "));
}

/// The first point, walking from the end of the curve back towards its start,
/// that lies outside `rect`: where the arrow meets the target's border.
double exitParameter(const QPainterPath& path, const QRectF& rect, bool fromEnd) {
    double inside = fromEnd ? 1.0 : 0.0, outside = 0.5;
    for (int step = 0; step < 20; ++step) {
        const double middle = (inside + outside) / 2;
        (rect.contains(path.pointAtPercent(middle)) ? inside : outside) = middle;
    }
    return outside;
}

} // namespace

SynapsesArrowItem::SynapsesArrowItem(const spikestudio::SynapsesSpec& synapses) {
    setFlags(ItemIsSelectable);
    setSynapses(synapses);
}

void SynapsesArrowItem::setSynapses(const spikestudio::SynapsesSpec& synapses) {
    const QString name = QString::fromStdString(synapses.name);
    const QString rule = ruleSummary(synapses.connect);
    if (name == name_ && rule == rule_)
        return;
    prepareGeometryChange();
    name_ = name;
    rule_ = rule;
    setToolTip(QStringLiteral("%1: %2 → %3\n%4")
                   .arg(name_, QString::fromStdString(synapses.source),
                        QString::fromStdString(synapses.target), rule_));
    updateGeometry();
}

void SynapsesArrowItem::setEnds(GroupNodeItem* source, const QString& sourceBand,
                                GroupNodeItem* target, const QString& targetBand, int lane) {
    source_ = source;
    target_ = target;
    sourceArrow_ = nullptr;
    targetArrow_ = nullptr;
    // A band the card does not draw (yet) counts as the whole card.
    sourceBand_ = source->bandRect(sourceBand).isEmpty() ? QString() : sourceBand;
    targetBand_ = target->bandRect(targetBand).isEmpty() ? QString() : targetBand;
    lane_ = lane;
    updateGeometry();
}

void SynapsesArrowItem::setEndsOnArrows(GroupNodeItem* source, SynapsesArrowItem* sourceArrow,
                                        GroupNodeItem* target, SynapsesArrowItem* targetArrow,
                                        int lane) {
    source_ = sourceArrow ? nullptr : source;
    sourceArrow_ = sourceArrow;
    target_ = targetArrow ? nullptr : target;
    targetArrow_ = targetArrow;
    sourceBand_.clear();
    targetBand_.clear();
    lane_ = lane;
    updateGeometry();
}

void SynapsesArrowItem::setHasProblem(bool hasProblem) {
    if (hasProblem_ != hasProblem) {
        hasProblem_ = hasProblem;
        update();
    }
}

QPainterPath SynapsesArrowItem::loopPath() const {
    // Recurrent synapses loop out of the node: above, below, left, right, then
    // the same sides again, wider.
    static const QPointF sides[] = {{0, -1}, {0, 1}, {-1, 0}, {1, 0}};
    const QPointF out = sides[lane_ % 4];
    const QPointF along(-out.y(), out.x());
    const QRectF node = source_->sceneBoundingRect().adjusted(4, 4, -4, -4);
    const QPointF edge =
        node.center() + QPointF(out.x() * node.width() / 2, out.y() * node.height() / 2);
    const double spread = 26 + 10 * (lane_ / 4);
    const double reach = 70 + 30 * (lane_ / 4);
    const QPointF start = edge - along * spread;
    const QPointF end = edge + along * spread;
    QPainterPath path(start);
    path.cubicTo(start + out * reach - along * spread, end + out * reach + along * spread, end);
    return path;
}

QPainterPath SynapsesArrowItem::curvePath(QPointF& labelAt, QPointF& tipDirectionFrom) const {
    return clippedCurve(source_->scenePos(), source_->sceneBoundingRect(), target_->scenePos(),
                        target_->sceneBoundingRect(), labelAt, tipDirectionFrom);
}

/// A curve from `from` to `to`, cut where it leaves `fromRect` and enters `toRect`.
QPainterPath SynapsesArrowItem::clippedCurve(QPointF from, const QRectF& fromRect, QPointF to,
                                             const QRectF& toRect, QPointF& labelAt,
                                             QPointF& tipDirectionFrom) const {
    const QLineF line(from, to);
    // Bend to the left of the direction of travel, so A→B and B→A separate.
    const QPointF normal(-line.dy() / std::max(1.0, line.length()),
                         line.dx() / std::max(1.0, line.length()));
    const QPointF control = line.center() + normal * (24.0 + 40.0 * lane_);
    QPainterPath full(from);
    full.quadTo(control, to);
    const double start = exitParameter(full, fromRect, false);
    const double end = exitParameter(full, toRect, true);
    QPainterPath path(full.pointAtPercent(start));
    // The clipped curve keeps the shape of the full one: sample it.
    for (int k = 1; k <= 24; ++k)
        path.lineTo(full.pointAtPercent(start + (end - start) * k / 24.0));
    labelAt = full.pointAtPercent(0.5);
    tipDirectionFrom = full.pointAtPercent(std::max(start, end - 0.05));
    return path;
}

/// Where an arrow with a subgroup at one end meets `node`: the band's lower
/// edge, left downwards; for the whole group on the same card as the other
/// end, the card's lower edge on the side away from that end's band (the
/// arrow loops below the card); else the card's center, clipped at its border.
SynapsesArrowItem::End SynapsesArrowItem::endOn(GroupNodeItem* node, const QString& band,
                                                const QString& otherBand) const {
    if (!band.isEmpty())
        return {node->bandAnchor(band), true};
    if (source_ == target_) {
        const QRectF card = node->sceneBoundingRect().adjusted(4, 4, -4, -4);
        const bool bandOnLeft = node->bandAnchor(otherBand).x() < card.center().x();
        return {QPointF(bandOnLeft ? card.right() - 14 : card.left() + 14, card.bottom()), true};
    }
    return {node->scenePos(), false};
}

/// An arrow with an end on a subgroup: it leaves (or reaches) the band
/// downwards, out of the card's lower edge, so it visibly meets that band.
QPainterPath SynapsesArrowItem::bandPath(QPointF& labelAt, QPointF& tipDirectionFrom) const {
    const End from = endOn(source_, sourceBand_, targetBand_);
    const End to = endOn(target_, targetBand_, sourceBand_);
    const double drop = 70.0 + 48.0 * lane_; // labels of parallel loops clear each other
    const QPointF sideways(from.point == to.point ? 30.0 : 0.0, 0); // a band onto itself loops
    const QPointF towards = (to.point - from.point) / 3;
    const QPointF first =
        from.downwards ? from.point + QPointF(0, drop) - sideways : from.point + towards;
    const QPointF second =
        to.downwards ? to.point + QPointF(0, drop) + sideways : to.point - towards;
    QPainterPath full(from.point);
    full.cubicTo(first, second, to.point);
    const double start =
        from.downwards ? 0.0 : exitParameter(full, source_->sceneBoundingRect(), false);
    const double end = to.downwards ? 1.0 : exitParameter(full, target_->sceneBoundingRect(), true);
    QPainterPath path(full.pointAtPercent(start));
    for (int k = 1; k <= 32; ++k)
        path.lineTo(full.pointAtPercent(start + (end - start) * k / 32.0));
    labelAt = full.pointAtPercent(0.5);
    tipDirectionFrom = full.pointAtPercent(std::max(start, end - 0.05));
    return path;
}

void SynapsesArrowItem::updateGeometry() {
    if ((!source_ && !sourceArrow_) || (!target_ && !targetArrow_))
        return;
    prepareGeometryChange();
    if (endsOnAnArrow()) { // an end on another arrow meets its label, clipped at its box
        const auto at = [](GroupNodeItem* node, SynapsesArrowItem* arrow) {
            return node ? std::make_pair(node->scenePos(), node->sceneBoundingRect())
                        : std::make_pair(arrow->labelRect().center(),
                                         arrow->labelRect().adjusted(-2, -2, 2, 2));
        };
        const auto [from, fromRect] = at(source_, sourceArrow_);
        const auto [to, toRect] = at(target_, targetArrow_);
        path_ = clippedCurve(from, fromRect, to, toRect, labelCenter_, tipFrom_);
    } else if (!sourceBand_.isEmpty() || !targetBand_.isEmpty()) {
        path_ = bandPath(labelCenter_, tipFrom_);
    } else if (source_ == target_) {
        path_ = loopPath();
        labelCenter_ = path_.pointAtPercent(0.5);
        tipFrom_ = path_.pointAtPercent(0.93);
    } else {
        path_ = curvePath(labelCenter_, tipFrom_);
    }
    tip_ = path_.currentPosition();
    update();
}

QRectF SynapsesArrowItem::labelRect() const {
    const QFontMetricsF metrics{QFont()};
    const double width =
        std::max(metrics.horizontalAdvance(name_), metrics.horizontalAdvance(rule_) * 0.9) + 14;
    const double height = metrics.height() * 1.9 + 6;
    return QRectF(labelCenter_.x() - width / 2, labelCenter_.y() - height / 2, width, height);
}

QRectF SynapsesArrowItem::boundingRect() const {
    return path_.boundingRect().adjusted(-kArrowHead, -kArrowHead, kArrowHead, kArrowHead) |
           labelRect().adjusted(-2, -2, 2, 2);
}

QPainterPath SynapsesArrowItem::shape() const {
    QPainterPathStroker stroker;
    stroker.setWidth(10);
    QPainterPath shape = stroker.createStroke(path_);
    shape.addRect(labelRect());
    return shape;
}

QColor SynapsesArrowItem::color() const {
    if (hasProblem_)
        return CanvasStyle::problem();
    return isSelected() ? CanvasStyle::accent() : CanvasStyle::arrow();
}

void SynapsesArrowItem::paint(QPainter* painter, const QStyleOptionGraphicsItem*, QWidget*) {
    if (path_.isEmpty())
        return;
    painter->setRenderHint(QPainter::Antialiasing);
    painter->setPen(QPen(color(), isSelected() ? 2.2 : 1.4));
    painter->setBrush(Qt::NoBrush);
    painter->drawPath(path_);

    const QLineF direction(tipFrom_, tip_);
    const double angle = qDegreesToRadians(direction.angle());
    auto wing = [&](double offset) {
        return tip_ - QPointF(std::cos(angle + offset) * kArrowHead,
                              -std::sin(angle + offset) * kArrowHead);
    };
    painter->setBrush(color());
    painter->drawPolygon(QPolygonF({tip_, wing(0.45), wing(-0.45)}));

    const QRectF label = labelRect();
    painter->setPen(QPen(color(), 1));
    painter->setBrush(Qt::white);
    painter->drawRoundedRect(label, 5, 5);
    QFont font = painter->font();
    font.setBold(true);
    painter->setFont(font);
    painter->setPen(CanvasStyle::text());
    painter->drawText(label.adjusted(4, 3, -4, -3), Qt::AlignHCenter | Qt::AlignTop, name_);
    font.setBold(false);
    font.setPointSizeF(font.pointSizeF() * 0.85);
    painter->setFont(font);
    painter->setPen(CanvasStyle::mutedText());
    painter->drawText(label.adjusted(4, 3, -4, -3), Qt::AlignHCenter | Qt::AlignBottom, rule_);
}

} // namespace spikestudio
