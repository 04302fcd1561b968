#pragma once

#include "model/Model.h"

#include <QPointF>
#include <QUndoCommand>

namespace spikestudio {

class ModelDocument;

/// Adds a group (from the palette) at a position on the canvas.
class AddGroupCommand : public QUndoCommand {
public:
    AddGroupCommand(ModelDocument* document, spikestudio::GroupSpec group, QPointF position);

    void redo() override;
    void undo() override;

private:
    ModelDocument* document_;
    spikestudio::GroupSpec group_;
    QPointF position_;
};

} // namespace spikestudio
