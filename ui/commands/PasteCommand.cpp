#include "commands/PasteCommand.h"

#include "document/ModelDocument.h"

namespace spikestudio {

PasteCommand::PasteCommand(ModelDocument* document, const ModelFragment& fragment, QPointF center,
                           const QString& text)
    : document_(document), before_(document->model()), after_(document->model()),
      layoutBefore_(document->layout()), layoutAfter_(document->layout()) {
    added_ = fragment.pasteInto(after_, layoutAfter_, center);
    QStringList names;
    for (const ObjectRef& object : added_)
        names << object.name;
    setText(QStringLiteral("%1 %2").arg(text, names.join(", ")));
}

void PasteCommand::redo() {
    document_->restore(after_, layoutAfter_);
}

void PasteCommand::undo() {
    document_->restore(before_, layoutBefore_);
}

} // namespace spikestudio
