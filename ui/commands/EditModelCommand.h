#pragma once

#include "document/AutoLayout.h"
#include "model/Model.h"

#include <QUndoCommand>
#include <functional>

namespace spikestudio {

class ModelDocument;

/// Any edit of the model as one undoable step, by keeping the model before
/// and after it (models are small; used for monitors and other list edits).
class EditModelCommand : public QUndoCommand {
public:
    EditModelCommand(ModelDocument* document, const QString& text,
                     const std::function<void(spikestudio::Model&)>& edit);
    void redo() override;
    void undo() override;

private:
    ModelDocument* document_;
    spikestudio::Model before_, after_;
    NodeLayout layout_;
};

} // namespace spikestudio
