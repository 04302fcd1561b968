#pragma once

#include "model/Model.h"

#include <QGraphicsItem>
#include <QHash>
#include <QList>
#include <QString>

namespace spikestudio {

/// A group on the canvas: a card showing its name, type and size, what its
/// monitors record, and its subgroups as labelled bands, each as wide as its
/// share of the group (overlapping subgroups on lanes of their own). Movable
/// and selectable; the scene turns finished drags into undoable moves.
class GroupNodeItem : public QGraphicsItem {
public:
    static constexpr double kWidth = 168;
    static constexpr double kHeight = 56;
    static constexpr double kMonitorsHeight = 20; // the extra line for monitors
    static constexpr double kBandHeight = 18;     // one lane of subgroup bands

    /// A subgroup as the card draws it.
    struct Band {
        QString name;
        long long start = 0, stop = 0;
        int lane = 0;
        QString monitors; // what monitors of the subgroup record ("" for none)
    };

    explicit GroupNodeItem(const spikestudio::GroupSpec& group);

    QString name() const { return name_; }
    /// Shows the group's current name, type and size.
    void setGroup(const spikestudio::GroupSpec& group);
    /// What the group's monitors record, e.g. "spikes · rate · v" ("" for none).
    void setMonitors(const QString& summary);
    const QString& monitors() const { return monitors_; }
    /// The group's subgroups, with what their monitors record (by name).
    void setSubgroups(const std::vector<spikestudio::SubgroupSpec>& subgroups,
                      const QHash<QString, QString>& monitors);
    const QList<Band>& bands() const { return bands_; }
    /// The band of subgroup `name` in item coordinates (empty when none).
    QRectF bandRect(const QString& name) const;
    /// The subgroup whose band holds `itemPos` ("" when none: the card itself).
    QString subgroupAt(QPointF itemPos) const;
    /// Where an arrow meets the band of subgroup `name`, in scene coordinates.
    QPointF bandAnchor(const QString& name) const;
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
    double bandsHeight() const;
    int laneCount() const;
    void paintBands(QPainter* painter);
    void updateToolTip();
    QColor borderColor() const;

    QString name_;
    spikestudio::GroupType type_ = spikestudio::GroupType::NeuronGroup;
    long long size_ = 0;
    QString monitors_;
    QList<Band> bands_;
    bool hasProblem_ = false;
    bool connectSource_ = false;
};

} // namespace spikestudio
