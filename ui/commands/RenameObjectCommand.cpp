#include "commands/RenameObjectCommand.h"

#include "document/ModelDocument.h"

namespace spikestudio {

RenameObjectCommand::RenameObjectCommand(ModelDocument* document, ObjectRef object, QString newName)
    : document_(document), object_(std::move(object)), newName_(std::move(newName)) {
    setText(QObject::tr("Rename %1 to %2").arg(object_.name, newName_));
}

void RenameObjectCommand::redo() {
    document_->rename(object_, newName_);
}

void RenameObjectCommand::undo() {
    document_->rename({object_.kind, newName_}, object_.name);
}

} // namespace spikestudio
