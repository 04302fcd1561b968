#pragma once

#include "document/AutoLayout.h"
#include "document/ObjectRef.h"
#include "model/Model.h"

#include <QList>
#include <QUndoCommand>

namespace spikestudio {

class ModelDocument;

/// Deletes groups and synapses, with whatever depends on them. Deleting a group
/// can take synapses, monitors and inputs along, so undo restores a snapshot.
class DeleteObjectsCommand : public QUndoCommand {
public:
    DeleteObjectsCommand(ModelDocument* document, QList<ObjectRef> objects);

    void redo() override;
    void undo() override;

private:
    ModelDocument* document_;
    QList<ObjectRef> objects_;
    spikestudio::Model modelBefore_;
    NodeLayout layoutBefore_;
};

} // namespace spikestudio
