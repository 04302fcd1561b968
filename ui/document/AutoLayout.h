#pragma once

#include "model/Model.h"

#include <QHash>
#include <QList>
#include <QPointF>
#include <QString>

namespace spikestudio {

/// Where each group's node sits on the canvas, by group name.
using NodeLayout = QHash<QString, QPointF>;

/// Gives every group without a position one on a grid, left to right in model
/// order, so an opened model is readable before the user arranges it.
void placeUnplacedGroups(const spikestudio::Model& model, NodeLayout& layout);

/// The free spot nearest `preferred` for a new node, clear of the nodes in
/// `layout` (nodes at most a card apart, so that most fit in a view).
QPointF freeSpotNear(const NodeLayout& layout, QPointF preferred);

/// The offset nearest `preferred` that moves all of `points` onto free spots
/// (pasting several nodes at once keeps their arrangement).
QPointF freeOffsetNear(const NodeLayout& layout, const QList<QPointF>& points, QPointF preferred);

} // namespace spikestudio
