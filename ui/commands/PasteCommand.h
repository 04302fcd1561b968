#pragma once

#include "document/AutoLayout.h"
#include "document/ModelFragment.h"

#include <QUndoCommand>

namespace spikestudio {

class ModelDocument;

/// Adds copied groups and synapses (Paste, Duplicate) to the document as one
/// undo step; see ModelFragment::pasteInto for names and places.
class PasteCommand : public QUndoCommand {
public:
    PasteCommand(ModelDocument* document, const ModelFragment& fragment, QPointF center,
                 const QString& text);

    /// The groups and synapses the paste adds (empty: nothing to paste).
    const QList<ObjectRef>& added() const { return added_; }

    void redo() override;
    void undo() override;

private:
    ModelDocument* document_;
    spikestudio::Model before_, after_;
    NodeLayout layoutBefore_, layoutAfter_;
    QList<ObjectRef> added_;
};

} // namespace spikestudio
