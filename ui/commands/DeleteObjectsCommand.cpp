#include "commands/DeleteObjectsCommand.h"

#include "document/ModelDocument.h"
#include "document/ObjectRemoval.h"

namespace spikestudio {

DeleteObjectsCommand::DeleteObjectsCommand(ModelDocument* document, QList<ObjectRef> objects)
    : document_(document), objects_(std::move(objects)), modelBefore_(document->model()),
      layoutBefore_(document->layout()) {
    QString text = objects_.size() == 1 ? QObject::tr("Delete %1").arg(objects_.first().name)
                                        : QObject::tr("Delete %1 objects").arg(objects_.size());
    const QString along = ObjectRemoval::count(ObjectRemoval::dependents(modelBefore_, objects_));
    setText(along.isEmpty() ? text : QObject::tr("%1 with %2").arg(text, along));
}

void DeleteObjectsCommand::redo() {
    document_->removeObjects(objects_);
}

void DeleteObjectsCommand::undo() {
    document_->restore(modelBefore_, layoutBefore_);
}

} // namespace spikestudio
