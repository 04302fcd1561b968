#pragma once

#include <QPointF>
#include <QUndoCommand>

namespace spikestudio {

class ModelDocument;

/// Moves a group's node on the canvas (pushed when the drag ends).
class MoveNodeCommand : public QUndoCommand {
public:
    MoveNodeCommand(ModelDocument* document, QString group, QPointF from, QPointF to);

    void redo() override;
    void undo() override;

private:
    ModelDocument* document_;
    QString group_;
    QPointF from_, to_;
};

} // namespace spikestudio
