#pragma once

#include "document/AutoLayout.h"
#include "document/ObjectRef.h"
#include "model/Model.h"

#include <QByteArray>
#include <QList>
#include <QPointF>
#include <optional>

namespace spikestudio {

/// Groups and synapses copied out of a model (Copy, Duplicate) to be added to
/// one (Paste): the selected groups with their monitors and PoissonInputs, the
/// selected synapses and those between two selected groups, where the groups
/// sat, and the source model's constants, TimedArrays and BinomialFunctions
/// (a paste into another model takes the ones it lacks).
struct ModelFragment {
    spikestudio::Model model;
    NodeLayout layout;

    /// What copying `selection` out of `model` takes.
    static ModelFragment of(const spikestudio::Model& model, const NodeLayout& layout,
                            const QList<ObjectRef>& selection);
    bool isEmpty() const { return model.groups.empty() && model.synapses.empty(); }

    /// The clipboard's form: {"format": "spikestudio-fragment", "version": 1,
    /// "model": {...model format...}, "layout": {...}}.
    QByteArray toJson() const;
    /// Reads what toJson wrote; nothing for anything else (the clipboard may
    /// hold any text from any program).
    static std::optional<ModelFragment> fromJson(const QByteArray& json);

    /// Adds the fragment to `model` and `layout`: names that are taken get a
    /// "_copy" suffix (references follow), synapses onto groups neither copied
    /// nor in `model` are left out, the nodes keep their arrangement and go
    /// to the free place nearest `center`. Returns the groups and synapses added.
    QList<ObjectRef> pasteInto(spikestudio::Model& model, NodeLayout& layout, QPointF center) const;
};

} // namespace spikestudio
