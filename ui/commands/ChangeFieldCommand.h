#pragma once

#include "document/ObjectRef.h"

#include <QUndoCommand>

namespace spikestudio {

class ModelDocument;

/// Changes one text field of an object (equations, threshold, N, ...).
/// Consecutive edits of the same field merge, so typing a word undoes at once.
class ChangeFieldCommand : public QUndoCommand {
public:
    ChangeFieldCommand(ModelDocument* document, ObjectRef object, QString field, QString newValue);

    void redo() override;
    void undo() override;
    int id() const override { return kId; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    static constexpr int kId = 1;

    ModelDocument* document_;
    ObjectRef object_;
    QString field_;
    QString oldValue_, newValue_;
};

} // namespace spikestudio
