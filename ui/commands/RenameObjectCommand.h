#pragma once

#include "document/ObjectRef.h"

#include <QUndoCommand>

namespace spikestudio {

class ModelDocument;

/// Renames a group or Synapses object together with every reference to it.
class RenameObjectCommand : public QUndoCommand {
public:
    RenameObjectCommand(ModelDocument* document, ObjectRef object, QString newName);

    void redo() override;
    void undo() override;

private:
    ModelDocument* document_;
    ObjectRef object_;
    QString newName_;
};

} // namespace spikestudio
