#include "commands/MoveNodeCommand.h"

#include "document/ModelDocument.h"

namespace spikestudio {

MoveNodeCommand::MoveNodeCommand(ModelDocument* document, QString group, QPointF from, QPointF to)
    : document_(document), group_(std::move(group)), from_(from), to_(to) {
    setText(QObject::tr("Move %1").arg(group_));
}

void MoveNodeCommand::redo() {
    document_->setPosition(group_, to_);
}

void MoveNodeCommand::undo() {
    document_->setPosition(group_, from_);
}

} // namespace spikestudio
