#pragma once

#include "document/AutoLayout.h"
#include "document/ObjectRef.h"
#include "model/Model.h"

#include <QList>
#include <QStringList>

namespace spikestudio {

/// Removing groups and synapses from a model, with whatever depends on them:
/// a group takes its synapses, its monitors (and those of its synapses) and
/// the PoissonInputs onto it along.
namespace ObjectRemoval {

void remove(spikestudio::Model& model, NodeLayout& layout, const QList<ObjectRef>& objects);

/// What else goes when `objects` are removed from `model`, by kind.
struct Dependents {
    QStringList synapses;
    QStringList monitors;
    QStringList poissonInputs;

    bool isEmpty() const {
        return synapses.isEmpty() && monitors.isEmpty() && poissonInputs.isEmpty();
    }
};
Dependents dependents(const spikestudio::Model& model, const QList<ObjectRef>& objects);

/// "2 synapses, 1 monitor" ("" when nothing else goes).
QString count(const Dependents& dependents);

/// "Deleted E with synapses EE, EI and monitor spikes_E" (what the status bar says).
QString describe(const QList<ObjectRef>& objects, const Dependents& dependents);

} // namespace ObjectRemoval

} // namespace spikestudio
