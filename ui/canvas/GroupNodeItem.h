#pragma once

#include "model/Model.h"

#include <QGraphicsItem>
#include <QString>

namespace spikestudio {

/// A group on the canvas: a card showing its name, type and size, and what
/// its monitors record. Movable and selectable; the scene turns finished
/// drags into undoable moves.
class GroupNodeItem : public QGraphicsItem {
public:
    static constexpr double kWidth = 168;
    static constexpr double kHeight = 56;
    static constexpr double kMonitorsHeight = 20; // the extra line for monitors

    explicit GroupNodeItem(const spikestudio::GroupSpec& group);

    QString name() const { return name_; }
    /// Shows the group's current name, type and size.
    void setGroup(const spikestudio::GroupSpec& group);
    /// What the group's monitors record, e.g. "spikes · rate · v" ("" for none).
    void setMonitors(const QString& summary);
    const QString& monitors() const { return monitors_; }
    /// Marks the node whose fields hold the model's current problem.
    void setHasProblem(bool hasProblem);
    /// Marks the node picked as the source in Connect mode.
    void setConnectSource(bool isSource);

    QRectF boundingRect() const override;
    void paint(QPainter* painter, const QStyleOptionGraphicsItem* option, QWidget* widget) override;

protected:
    QVariant itemChange(GraphicsItemChange change, const QVariant& value) override;

private:
    QRectF cardRect() const;
    void updateToolTip();
    QColor borderColor() const;

    QString name_;
    spikestudio::GroupType type_ = spikestudio::GroupType::NeuronGroup;
    long long size_ = 0;
    QString monitors_;
    bool hasProblem_ = false;
    bool connectSource_ = false;
};

} // namespace spikestudio
