#pragma once

#include "document/ObjectRef.h"

#include <QGraphicsScene>
#include <QHash>
#include <QPointer>

class QGraphicsLineItem;

namespace spikestudio {

class GroupNodeItem;
class ModelDocument;
class SynapsesArrowItem;

/// The network as a scene: one node per group, one arrow per Synapses object,
/// kept in step with the document. Turns finished drags into MoveNodeCommands
/// and, in Connect mode, a click on a source then on a target into a
/// ConnectCommand (click the same node twice for recurrent synapses; a click
/// on a subgroup's band picks that subgroup).
class NetworkScene : public QGraphicsScene {
    Q_OBJECT

public:
    enum class Mode { Select, Connect };

    explicit NetworkScene(ModelDocument* document, QObject* parent = nullptr);

    Mode mode() const { return mode_; }
    void setMode(Mode mode);

    QList<ObjectRef> selectedObjects() const;
    void selectObject(const ObjectRef& object);
    void selectObjects(const QList<ObjectRef>& objects);
    /// Outlines the object the model's current problem is in ("" for none).
    void setProblemObject(const QString& name);

    GroupNodeItem* node(const QString& group) const { return nodes_.value(group); }
    SynapsesArrowItem* arrow(const QString& synapses) const { return arrows_.value(synapses); }

    /// Re-routes every arrow; called while nodes move.
    void updateArrows();

signals:
    void modeChanged(NetworkScene::Mode mode);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent* event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void syncWithDocument();
    void syncNodes();
    void syncArrows();
    void followRename(const ObjectRef& before, const QString& newName);
    GroupNodeItem* nodeAt(QPointF scenePos) const;
    void connectClick(QPointF scenePos);
    QString endAt(GroupNodeItem* node, QPointF scenePos) const;
    QPointF connectStart() const;
    void cancelConnect();
    void recordDragStart();
    void commitMoves();

    ModelDocument* document_;
    QHash<QString, GroupNodeItem*> nodes_;
    QHash<QString, SynapsesArrowItem*> arrows_;
    Mode mode_ = Mode::Select;
    GroupNodeItem* connectSource_ = nullptr;
    QString connectSourceEnd_; // the group or subgroup picked as the source
    QGraphicsLineItem* rubberLine_ = nullptr;
    QHash<QString, QPointF> dragStart_;
    QString problemObject_;
};

} // namespace spikestudio
