#include "canvas/NetworkScene.h"

#include "canvas/CanvasStyle.h"
#include "canvas/GroupNodeItem.h"
#include "canvas/SynapsesArrowItem.h"
#include "commands/ConnectCommand.h"
#include "commands/MoveNodeCommand.h"
#include "document/ModelDefaults.h"
#include "document/ModelDocument.h"
#include "document/ModelLookup.h"
#include "model/ObjectKinds.h"

#include <QGraphicsLineItem>
#include <QGraphicsSceneMouseEvent>
#include <QKeyEvent>

namespace spikestudio {

namespace {

/// The group `name` is, or whose subgroup it is ("" when none): a
/// subgroup's synapses and monitors are drawn at its group's card.
std::string owningGroup(const Model& model, const std::string& name) {
    for (const GroupSpec& group : model.groups) {
        if (group.name == name)
            return name;
        for (const SubgroupSpec& subgroup : group.subgroups)
            if (subgroup.name == name)
                return group.name;
    }
    return {};
}

/// What the monitors of `source` (a group or a subgroup) record, e.g. "spikes · rate · v, ge".
QString monitorSummary(const Model& model, const std::string& source) {
    QStringList parts;
    for (const MonitorSpec& monitor : model.monitors) {
        if (monitor.source != source)
            continue;
        const MonitorKind& kind = ObjectKinds::of(monitor.type);
        QStringList variables;
        for (const std::string& variable : monitor.variables)
            variables << QString::fromStdString(variable);
        parts << (variables.isEmpty() ? QString::fromStdString(kind.shortLabel)
                                      : variables.join(", "));
    }
    parts.removeDuplicates();
    return parts.join(QStringLiteral(" · "));
}

} // namespace

NetworkScene::NetworkScene(ModelDocument* document, QObject* parent)
    : QGraphicsScene(parent), document_(document) {
    setBackgroundBrush(CanvasStyle::background());
    connect(document_, &ModelDocument::changed, this, &NetworkScene::syncWithDocument);
    connect(document_, &ModelDocument::renamed, this, &NetworkScene::followRename);
    syncWithDocument();
}

void NetworkScene::setMode(Mode mode) {
    if (mode_ == mode)
        return;
    cancelConnect();
    mode_ = mode;
    emit modeChanged(mode);
}

QList<ObjectRef> NetworkScene::selectedObjects() const {
    QList<ObjectRef> objects;
    for (QGraphicsItem* item : selectedItems()) {
        if (auto* node = dynamic_cast<GroupNodeItem*>(item))
            objects << ObjectRef::group(node->name());
        else if (auto* arrow = dynamic_cast<SynapsesArrowItem*>(item))
            objects << ObjectRef::synapses(arrow->name());
    }
    return objects;
}

void NetworkScene::selectObject(const ObjectRef& object) {
    selectObjects({object});
}

void NetworkScene::selectObjects(const QList<ObjectRef>& objects) {
    clearSelection();
    for (const ObjectRef& object : objects) {
        QGraphicsItem* item = nullptr;
        if (object.kind == ObjectRef::Kind::Group)
            item = node(object.name);
        else if (object.kind == ObjectRef::Kind::Synapses)
            item = arrow(object.name);
        if (item)
            item->setSelected(true);
    }
}

void NetworkScene::setProblemObject(const QString& name) {
    problemObject_ = name;
    for (GroupNodeItem* node : std::as_const(nodes_))
        node->setHasProblem(node->name() == name);
    for (SynapsesArrowItem* arrow : std::as_const(arrows_))
        arrow->setHasProblem(arrow->name() == name);
}

void NetworkScene::updateArrows() {
    for (SynapsesArrowItem* arrow : std::as_const(arrows_))
        if (!arrow->endsOnAnArrow())
            arrow->updateGeometry();
    // Arrows on arrows follow them, in model order (the one read or acted on
    // comes first).
    for (const auto& synapses : document_->model().synapses)
        if (SynapsesArrowItem* arrow = arrows_.value(QString::fromStdString(synapses.name));
            arrow && arrow->endsOnAnArrow())
            arrow->updateGeometry();
}

void NetworkScene::syncWithDocument() {
    syncNodes();
    syncArrows();
    setProblemObject(problemObject_);
}

void NetworkScene::syncNodes() {
    QHash<QString, GroupNodeItem*> kept;
    for (const auto& group : document_->model().groups) {
        const QString name = QString::fromStdString(group.name);
        GroupNodeItem* node = nodes_.take(name);
        if (!node) {
            node = new GroupNodeItem(group);
            addItem(node);
        }
        node->setGroup(group);
        node->setMonitors(monitorSummary(document_->model(), group.name));
        QHash<QString, QString> bandMonitors;
        for (const SubgroupSpec& subgroup : group.subgroups)
            bandMonitors.insert(QString::fromStdString(subgroup.name),
                                monitorSummary(document_->model(), subgroup.name));
        node->setSubgroups(group.subgroups, bandMonitors);
        node->setPos(document_->layout().value(name));
        kept.insert(name, node);
    }
    if (connectSource_ && nodes_.values().contains(connectSource_))
        cancelConnect(); // the source node is about to go
    qDeleteAll(nodes_);
    nodes_ = kept;
}

namespace {

QPair<QString, QString> unorderedPair(const std::string& one, const std::string& other) {
    const auto [first, second] = std::minmax(one, other);
    return {QString::fromStdString(first), QString::fromStdString(second)};
}

} // namespace

void NetworkScene::syncArrows() {
    QHash<QString, SynapsesArrowItem*> kept;
    QHash<QPair<QString, QString>, int> lanes; // parallel arrows per node pair
    QStringList onArrows;                      // Synapses reading or acting on other Synapses
    for (const auto& synapses : document_->model().synapses) {
        const QString name = QString::fromStdString(synapses.name);
        const Model& model = document_->model();
        const QString source = QString::fromStdString(owningGroup(model, synapses.source));
        const QString target = QString::fromStdString(owningGroup(model, synapses.target));
        SynapsesArrowItem* arrow = arrows_.take(name);
        if (!arrow) {
            arrow = new SynapsesArrowItem(synapses);
            addItem(arrow);
        }
        arrow->setSynapses(synapses);
        GroupNodeItem* from = node(source);
        GroupNodeItem* to = node(target);
        const auto namesSynapses = [&](const std::string& end) {
            return ModelLookup::synapses(model, QString::fromStdString(end)) != nullptr;
        };
        if ((!from && namesSynapses(synapses.source)) || (!to && namesSynapses(synapses.target))) {
            // synapses on synapses: drawn below, from or onto the arrows they name
            onArrows.append(name);
            kept.insert(name, arrow);
            continue;
        }
        arrow->setVisible(from && to); // a dangling reference is the checker's to report
        // An end on a subgroup names its band; on the group itself, none.
        const QString sourceBand = source == QString::fromStdString(synapses.source)
                                       ? QString()
                                       : QString::fromStdString(synapses.source);
        const QString targetBand = target == QString::fromStdString(synapses.target)
                                       ? QString()
                                       : QString::fromStdString(synapses.target);
        if (from && to)
            arrow->setEnds(from, sourceBand, to, targetBand, lanes[{source, target}]++);
        kept.insert(name, arrow);
    }
    // From or onto the arrows of the Synapses objects they name, once those
    // are placed (in model order: those named come first).
    for (const QString& name : std::as_const(onArrows)) {
        const SynapsesSpec* synapses = ModelLookup::synapses(document_->model(), name);
        SynapsesArrowItem* arrow = kept.value(name);
        const auto nodeOf = [&](const std::string& end) {
            return node(QString::fromStdString(owningGroup(document_->model(), end)));
        };
        const auto arrowOf = [&](const std::string& end) -> SynapsesArrowItem* {
            SynapsesArrowItem* named = kept.value(QString::fromStdString(end));
            return named && named != arrow ? named : nullptr;
        };
        GroupNodeItem* fromNode = nodeOf(synapses->source);
        SynapsesArrowItem* fromArrow = fromNode ? nullptr : arrowOf(synapses->source);
        GroupNodeItem* toNode = nodeOf(synapses->target);
        SynapsesArrowItem* toArrow = toNode ? nullptr : arrowOf(synapses->target);
        const auto placed = [](GroupNodeItem* node, SynapsesArrowItem* other) {
            return node || (other && other->isVisible());
        };
        const bool drawn = placed(fromNode, fromArrow) && placed(toNode, toArrow);
        arrow->setVisible(drawn);
        if (drawn)
            // Lanes per pair of ends either way: arrows both ways between
            // a card and an arrow's label would otherwise share the lane.
            arrow->setEndsOnArrows(fromNode, fromArrow, toNode, toArrow,
                                   lanes[unorderedPair(synapses->source, synapses->target)]++);
    }
    qDeleteAll(arrows_);
    arrows_ = kept;
}

void NetworkScene::followRename(const ObjectRef& before, const QString& newName) {
    // Re-keying keeps the item, and with it the selection, across the rename.
    if (before.kind == ObjectRef::Kind::Group && nodes_.contains(before.name))
        nodes_.insert(newName, nodes_.take(before.name));
    if (before.kind == ObjectRef::Kind::Synapses && arrows_.contains(before.name))
        arrows_.insert(newName, arrows_.take(before.name));
}

GroupNodeItem* NetworkScene::nodeAt(QPointF scenePos) const {
    for (QGraphicsItem* item : items(scenePos))
        if (auto* node = dynamic_cast<GroupNodeItem*>(item))
            return node;
    return nullptr;
}

void NetworkScene::mousePressEvent(QGraphicsSceneMouseEvent* event) {
    if (mode_ == Mode::Connect && event->button() == Qt::LeftButton) {
        connectClick(event->scenePos());
        event->accept();
        return;
    }
    QGraphicsScene::mousePressEvent(event);
    if (event->button() == Qt::LeftButton)
        recordDragStart();
}

void NetworkScene::mouseMoveEvent(QGraphicsSceneMouseEvent* event) {
    if (rubberLine_) {
        rubberLine_->setLine(QLineF(connectStart(), event->scenePos()));
        return;
    }
    QGraphicsScene::mouseMoveEvent(event);
}

void NetworkScene::mouseReleaseEvent(QGraphicsSceneMouseEvent* event) {
    QGraphicsScene::mouseReleaseEvent(event);
    if (event->button() == Qt::LeftButton)
        commitMoves();
}

void NetworkScene::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape && mode_ == Mode::Connect) {
        setMode(Mode::Select);
        return;
    }
    QGraphicsScene::keyPressEvent(event);
}

QString NetworkScene::endAt(GroupNodeItem* node, QPointF scenePos) const {
    const QString subgroup = node->subgroupAt(node->mapFromScene(scenePos));
    return subgroup.isEmpty() ? node->name() : subgroup;
}

QPointF NetworkScene::connectStart() const {
    return connectSourceEnd_ == connectSource_->name()
               ? connectSource_->scenePos()
               : connectSource_->bandAnchor(connectSourceEnd_);
}

// A click on a subgroup's band connects that subgroup; elsewhere on the card, the group.
void NetworkScene::connectClick(QPointF scenePos) {
    GroupNodeItem* clicked = nodeAt(scenePos);
    if (!clicked) {
        cancelConnect();
        return;
    }
    if (!connectSource_) {
        connectSource_ = clicked;
        connectSourceEnd_ = endAt(clicked, scenePos);
        clicked->setConnectSource(true);
        rubberLine_ = addLine(QLineF(connectStart(), scenePos),
                              QPen(CanvasStyle::accent(), 1.5, Qt::DashLine));
        return;
    }
    const auto synapses =
        ModelDefaults::synapses(document_->model(), connectSourceEnd_.toStdString(),
                                endAt(clicked, scenePos).toStdString());
    cancelConnect();
    document_->undoStack()->push(new ConnectCommand(document_, synapses));
    setMode(Mode::Select);
    selectObject(ObjectRef::synapses(QString::fromStdString(synapses.name)));
}

void NetworkScene::cancelConnect() {
    if (connectSource_)
        connectSource_->setConnectSource(false);
    connectSource_ = nullptr;
    connectSourceEnd_.clear();
    delete rubberLine_;
    rubberLine_ = nullptr;
}

void NetworkScene::recordDragStart() {
    dragStart_.clear();
    for (GroupNodeItem* node : std::as_const(nodes_))
        if (node->isSelected())
            dragStart_.insert(node->name(), node->pos());
}

void NetworkScene::commitMoves() {
    QList<QPair<QString, QPointF>> moved;
    for (auto it = dragStart_.cbegin(); it != dragStart_.cend(); ++it)
        if (GroupNodeItem* item = node(it.key()); item && item->pos() != it.value())
            moved.append({it.key(), item->pos()});
    if (moved.isEmpty())
        return;
    QUndoStack* stack = document_->undoStack();
    stack->beginMacro(tr("Move"));
    for (const auto& [name, position] : moved)
        stack->push(new MoveNodeCommand(document_, name, dragStart_.value(name), position));
    stack->endMacro();
    dragStart_.clear();
}

} // namespace spikestudio
