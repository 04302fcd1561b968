#pragma once

#include "model/Model.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace spikestudio {

class GroupNodeItem;

/// A Synapses object on the canvas: a curved arrow from its source node to its
/// target node (a loop when both are the same), labelled with its name and
/// connect rule. Parallel arrows between the same nodes get their own `lane`
/// so they never overlap.
class SynapsesArrowItem : public QGraphicsItem {
public:
    explicit SynapsesArrowItem(const spikestudio::SynapsesSpec& synapses);

    QString name() const { return name_; }
    void setSynapses(const spikestudio::SynapsesSpec& synapses);
    void setEnds(GroupNodeItem* source, GroupNodeItem* target, int lane);
    void setHasProblem(bool hasProblem);
    /// Recomputes the curve after a node moved.
    void updateGeometry();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath loopPath() const;
    QPainterPath curvePath(QPointF& labelAt, QPointF& tipDirectionFrom) const;
    QRectF labelRect() const;
    QColor color() const;

    QString name_;
    QString rule_;
    GroupNodeItem* source_ = nullptr;
    GroupNodeItem* target_ = nullptr;
    int lane_ = 0;
    bool hasProblem_ = false;
    QPainterPath path_;
    QPointF tip_, tipFrom_, labelCenter_;
};

} // namespace spikestudio
