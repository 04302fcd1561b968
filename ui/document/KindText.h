#pragma once

#include "model/ObjectKind.h"

#include <QString>

namespace spikestudio {

/// The editor's words for an object kind, made from its descriptor.
namespace KindText {

/// "Neuron group": the label with a capital first letter (menus, palette).
QString title(const spikestudio::ObjectKind& kind);

/// "addNeuronGroup": the object name of the action that adds one.
QString addActionName(const spikestudio::ObjectKind& kind);

/// "Add a NeuronGroup (leaky integrate-and-fire, 100 neurons) in the middle of the view".
QString addDescription(const spikestudio::ObjectKind& kind);

/// "Add a neuron group here": the canvas's context menu entry.
QString addHere(const spikestudio::ObjectKind& kind);

} // namespace KindText

} // namespace spikestudio
