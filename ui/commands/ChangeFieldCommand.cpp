#include "commands/ChangeFieldCommand.h"

#include "document/ModelDocument.h"

namespace spikestudio {

ChangeFieldCommand::ChangeFieldCommand(ModelDocument* document, ObjectRef object, QString field,
                                       QString newValue)
    : document_(document), object_(std::move(object)), field_(std::move(field)),
      oldValue_(document->fieldText(object_, field_)), newValue_(std::move(newValue)) {
    setText(QObject::tr("Edit %1 of %2").arg(field_, object_.name));
}

void ChangeFieldCommand::redo() {
    document_->setFieldText(object_, field_, newValue_);
}

void ChangeFieldCommand::undo() {
    document_->setFieldText(object_, field_, oldValue_);
}

bool ChangeFieldCommand::mergeWith(const QUndoCommand* other) {
    const auto* edit = static_cast<const ChangeFieldCommand*>(other);
    if (edit->object_ != object_ || edit->field_ != field_)
        return false;
    newValue_ = edit->newValue_;
    return true;
}

} // namespace spikestudio
