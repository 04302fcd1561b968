#include "canvas/SelectionEditing.h"

#include "canvas/GroupNodeItem.h"
#include "canvas/NetworkScene.h"
#include "canvas/NetworkView.h"
#include "commands/DeleteObjectsCommand.h"
#include "commands/PasteCommand.h"
#include "document/ModelDocument.h"
#include "document/ModelFragment.h"
#include "document/ObjectRemoval.h"

#include <QApplication>
#include <QClipboard>
#include <QMimeData>

namespace spikestudio {

namespace {

const QString kMimeType = QStringLiteral("application/x-spikestudio-fragment");
// Duplicates sit down and to the right of their originals.
const QPointF kDuplicateShift(40, 40);

std::optional<ModelFragment> clipboardFragment() {
    const QMimeData* data = QApplication::clipboard()->mimeData();
    if (!data)
        return std::nullopt;
    // Our own format first; text lets a fragment travel through a text editor.
    return ModelFragment::fromJson(data->hasFormat(kMimeType) ? data->data(kMimeType)
                                                              : data->text().toUtf8());
}

QPointF centreOfGroups(const ModelFragment& fragment) {
    QPointF sum;
    for (const QPointF& point : fragment.layout)
        sum += point;
    return fragment.layout.isEmpty() ? QPointF() : sum / double(fragment.layout.size());
}

} // namespace

SelectionEditing::SelectionEditing(ModelDocument* document, NetworkScene* scene, NetworkView* view,
                                   QObject* parent)
    : QObject(parent), document_(document), scene_(scene), view_(view) {}

bool SelectionEditing::clipboardHasFragment() {
    return clipboardFragment().has_value();
}

QString SelectionEditing::copy() {
    const ModelFragment fragment =
        ModelFragment::of(document_->model(), document_->layout(), scene_->selectedObjects());
    if (fragment.isEmpty())
        return {};
    auto* data = new QMimeData;
    const QByteArray json = fragment.toJson();
    data->setData(kMimeType, json);
    data->setText(QString::fromUtf8(json));
    QApplication::clipboard()->setMimeData(data);
    QStringList names;
    for (const GroupSpec& group : fragment.model.groups)
        names << QString::fromStdString(group.name);
    for (const SynapsesSpec& synapses : fragment.model.synapses)
        names << QString::fromStdString(synapses.name);
    return tr("Copied %1 (Ctrl+V pastes)").arg(names.join(", "));
}

QString SelectionEditing::paste(QPointF center) {
    const std::optional<ModelFragment> fragment = clipboardFragment();
    if (!fragment)
        return tr("Nothing to paste: copy groups or synapses first.");
    return addFragment(*fragment, center, tr("Paste"));
}

QString SelectionEditing::duplicate() {
    const ModelFragment fragment =
        ModelFragment::of(document_->model(), document_->layout(), scene_->selectedObjects());
    if (fragment.isEmpty())
        return {};
    return addFragment(fragment, centreOfGroups(fragment) + kDuplicateShift, tr("Duplicate"));
}

QString SelectionEditing::addFragment(const ModelFragment& fragment, QPointF center,
                                      const QString& verb) {
    auto* command = new PasteCommand(document_, fragment, center, verb);
    const QList<ObjectRef> added = command->added();
    if (added.isEmpty()) {
        delete command;
        return tr("Nothing to paste: the synapses' groups are not in this model.");
    }
    document_->undoStack()->push(command);
    scene_->selectObjects(added);
    QRectF shown;
    for (const ObjectRef& object : added)
        if (GroupNodeItem* node = scene_->node(object.name))
            shown |= node->sceneBoundingRect();
    if (!shown.isNull())
        view_->reveal(shown);
    QStringList names;
    for (const ObjectRef& object : added)
        names << object.name;
    return tr("%1: added %2").arg(verb, names.join(", "));
}

QString SelectionEditing::remove() {
    const QList<ObjectRef> selected = scene_->selectedObjects();
    if (selected.isEmpty())
        return {};
    const QString summary =
        ObjectRemoval::describe(selected, ObjectRemoval::dependents(document_->model(), selected));
    document_->undoStack()->push(new DeleteObjectsCommand(document_, selected));
    return summary;
}

} // namespace spikestudio
