#pragma once

#include "model/Model.h"

#include <QUndoCommand>

namespace spikestudio {

class ModelDocument;

/// Connects two groups with a new Synapses object.
class ConnectCommand : public QUndoCommand {
public:
    ConnectCommand(ModelDocument* document, spikestudio::SynapsesSpec synapses);

    void redo() override;
    void undo() override;

private:
    ModelDocument* document_;
    spikestudio::SynapsesSpec synapses_;
};

} // namespace spikestudio
