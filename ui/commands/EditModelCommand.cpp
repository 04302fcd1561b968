#include "commands/EditModelCommand.h"

#include "document/ModelDocument.h"

namespace spikestudio {

EditModelCommand::EditModelCommand(ModelDocument* document, const QString& text,
                                   const std::function<void(spikestudio::Model&)>& edit)
    : document_(document), before_(document->model()), after_(document->model()),
      layout_(document->layout()) {
    setText(text);
    edit(after_);
}

void EditModelCommand::redo() {
    document_->restore(after_, layout_);
}

void EditModelCommand::undo() {
    document_->restore(before_, layout_);
}

} // namespace spikestudio
