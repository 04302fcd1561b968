#pragma once

#include "model/Model.h"

#include <QGraphicsItem>
#include <QPainterPath>

namespace spikestudio {

class GroupNodeItem;

/// A Synapses object on the canvas: a curved arrow from its source node to its
/// target node (a loop when both are the same), labelled with its name and
/// connect rule. Parallel arrows between the same nodes get their own `lane`
/// so they never overlap. An end on a subgroup meets that subgroup's band.
class SynapsesArrowItem : public QGraphicsItem {
public:
    explicit SynapsesArrowItem(const spikestudio::SynapsesSpec& synapses);

    QString name() const { return name_; }
    void setSynapses(const spikestudio::SynapsesSpec& synapses);
    /// `sourceBand`, `targetBand`: the subgroup at each end ("" for the whole group).
    void setEnds(GroupNodeItem* source, const QString& sourceBand, GroupNodeItem* target,
                 const QString& targetBand, int lane);
    /// Synapses acting on or reading synapses: each end is a node or the
    /// label at the middle of another Synapses object's arrow (one of each
    /// pair is null); `lane` parts parallel arrows as setEnds does.
    void setEndsOnArrows(GroupNodeItem* source, SynapsesArrowItem* sourceArrow,
                         GroupNodeItem* target, SynapsesArrowItem* targetArrow, int lane);
    /// The arrow it points at when it acts on another Synapses object, else null.
    SynapsesArrowItem* targetArrow() const { return targetArrow_; }
    /// The arrow it starts from when it reads another Synapses object, else null.
    SynapsesArrowItem* sourceArrow() const { return sourceArrow_; }
    bool endsOnAnArrow() const { return sourceArrow_ || targetArrow_; }
    /// The middle of the arrow, where its label sits.
    QPointF middle() const { return labelCenter_; }
    /// Where the arrow starts and ends, in scene coordinates.
    QPointF start() const { return path_.isEmpty() ? QPointF() : path_.pointAtPercent(0); }
    QPointF end() const { return tip_; }
    void setHasProblem(bool hasProblem);
    /// Recomputes the curve after a node moved.
    void updateGeometry();

    QRectF boundingRect() const override;
    QPainterPath shape() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

private:
    QPainterPath loopPath() const;
    QPainterPath curvePath(QPointF& labelAt, QPointF& tipDirectionFrom) const;
    QPainterPath clippedCurve(QPointF from, const QRectF& fromRect, QPointF to,
                              const QRectF& toRect, QPointF& labelAt,
                              QPointF& tipDirectionFrom) const;
    struct End {
        QPointF point;
        bool downwards = false; // leaves the card's lower edge straight down
    };
    End endOn(GroupNodeItem* node, const QString& band, const QString& otherBand) const;
    QPainterPath bandPath(QPointF& labelAt, QPointF& tipDirectionFrom) const;
    QRectF labelRect() const;
    QColor color() const;

    QString name_;
    QString rule_;
    GroupNodeItem* source_ = nullptr;
    GroupNodeItem* target_ = nullptr;
    SynapsesArrowItem* sourceArrow_ = nullptr;
    SynapsesArrowItem* targetArrow_ = nullptr;
    QString sourceBand_, targetBand_;
    int lane_ = 0;
    bool hasProblem_ = false;
    QPainterPath path_;
    QPointF tip_, tipFrom_, labelCenter_;
};

} // namespace spikestudio
