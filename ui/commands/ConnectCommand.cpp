#include "commands/ConnectCommand.h"

#include "document/ModelDocument.h"

namespace spikestudio {

ConnectCommand::ConnectCommand(ModelDocument* document, spikestudio::SynapsesSpec synapses)
    : document_(document), synapses_(std::move(synapses)) {
    setText(QObject::tr("Connect %1 to %2")
                .arg(QString::fromStdString(synapses_.source),
                     QString::fromStdString(synapses_.target)));
}

void ConnectCommand::redo() {
    document_->insertSynapses(static_cast<int>(document_->model().synapses.size()), synapses_);
}

void ConnectCommand::undo() {
    document_->removeObjects({ObjectRef::synapses(QString::fromStdString(synapses_.name))});
}

} // namespace spikestudio
