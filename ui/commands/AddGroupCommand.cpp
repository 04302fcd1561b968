#include "commands/AddGroupCommand.h"

#include "document/ModelDocument.h"

namespace spikestudio {

AddGroupCommand::AddGroupCommand(ModelDocument* document, spikestudio::GroupSpec group,
                                 QPointF position)
    : document_(document), group_(std::move(group)), position_(position) {
    setText(QObject::tr("Add %1").arg(QString::fromStdString(group_.name)));
}

void AddGroupCommand::redo() {
    document_->insertGroup(static_cast<int>(document_->model().groups.size()), group_, position_);
}

void AddGroupCommand::undo() {
    document_->removeObjects({ObjectRef::group(QString::fromStdString(group_.name))});
}

} // namespace spikestudio
