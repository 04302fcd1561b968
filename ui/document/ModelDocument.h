#pragma once

#include "document/AutoLayout.h"
#include "document/ObjectRef.h"
#include "model/Model.h"

#include <QObject>
#include <QUndoStack>

namespace spikestudio {

/// The model being edited: exactly core's Model, plus where its nodes sit, the
/// file it came from and the undo stack. Undo commands change it only through
/// this API; every change is announced so views can follow.
class ModelDocument : public QObject {
    Q_OBJECT

public:
    explicit ModelDocument(QObject* parent = nullptr);

    const spikestudio::Model& model() const { return model_; }
    const NodeLayout& layout() const { return layout_; }
    QUndoStack* undoStack() { return &undoStack_; }

    QString filePath() const { return filePath_; }
    void setFilePath(const QString& path);
    bool isModified() const { return !undoStack_.isClean(); }
    void markSaved() { undoStack_.setClean(); }
    /// A model that exists in no file yet (an imported script): closing asks first.
    void markUnsaved() { undoStack_.resetClean(); }

    /// Replaces everything and forgets the undo history (New, Open).
    void load(spikestudio::Model model, const QString& path, NodeLayout layout = {});
    /// Replaces model and layout, keeping the history (undo of a deletion).
    void restore(spikestudio::Model model, NodeLayout layout);

    bool contains(const ObjectRef& object) const;
    QString fieldText(const ObjectRef& object, const QString& field) const;

    // The edits, one per undo command family.
    void insertGroup(int index, spikestudio::GroupSpec group, QPointF position);
    void insertSynapses(int index, spikestudio::SynapsesSpec synapses);
    /// Removes the objects and everything that refers to a removed group
    /// (its synapses, monitors and Poisson inputs).
    void removeObjects(const QList<ObjectRef>& objects);
    /// Renames an object and every reference to it (sources, targets, layout).
    void rename(const ObjectRef& object, const QString& newName);
    bool setFieldText(const ObjectRef& object, const QString& field, const QString& value);
    void setPosition(const QString& group, QPointF position);

signals:
    /// The model was replaced as a whole; views rebuild.
    void modelReset();
    /// Anything in the model or the layout changed.
    void changed();
    void renamed(const ObjectRef& before, const QString& newName);
    void fieldChanged(const ObjectRef& object, const QString& field);

private:
    void renameReferences(const std::string& before, const std::string& after);

    spikestudio::Model model_;
    NodeLayout layout_;
    QString filePath_;
    QUndoStack undoStack_;
};

} // namespace spikestudio
