#pragma once

#include "document/ObjectRef.h"

#include <QObject>

namespace spikestudio {

class ModelDocument;
struct ModelFragment;
class NetworkScene;
class NetworkView;

/// Copy, Paste, Duplicate and Delete of what is selected on the canvas, each
/// one undo step. Copy puts a ModelFragment on the system clipboard (so it
/// can go into another model or another window); Paste and Duplicate place
/// the copies in the visible part of the canvas, clear of other cards, and
/// select them.
class SelectionEditing : public QObject {
    Q_OBJECT

public:
    SelectionEditing(ModelDocument* document, NetworkScene* scene, NetworkView* view,
                     QObject* parent = nullptr);

    /// Each returns what the status bar should say ("" when nothing happened).
    QString copy();
    /// Pastes with the copies around `center` (scene coordinates).
    QString paste(QPointF center);
    QString duplicate();
    /// Deletes the selection; says what went with it (synapses, monitors, inputs).
    QString remove();

    /// Whether the clipboard holds something Paste can add.
    static bool clipboardHasFragment();

private:
    QString addFragment(const ModelFragment& fragment, QPointF center, const QString& verb);

    ModelDocument* document_;
    NetworkScene* scene_;
    NetworkView* view_;
};

} // namespace spikestudio
