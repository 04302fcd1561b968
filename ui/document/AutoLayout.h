#pragma once

#include "model/Model.h"

#include <QHash>
#include <QPointF>
#include <QString>

namespace spikestudio {

/// Where each group's node sits on the canvas, by group name.
using NodeLayout = QHash<QString, QPointF>;

/// Gives every group without a position one on a grid, left to right in model
/// order, so an opened model is readable before the user arranges it.
void placeUnplacedGroups(const spikestudio::Model& model, NodeLayout& layout);

/// A free spot for a new node near `preferred`, clear of the nodes in `layout`.
QPointF freeSpotNear(const NodeLayout& layout, QPointF preferred);

} // namespace spikestudio
