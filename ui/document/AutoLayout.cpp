#include "document/AutoLayout.h"

#include <QPoint>
#include <algorithm>
#include <cmath>
#include <vector>

namespace spikestudio {

namespace {

// The grid a model opened without a layout is laid out on.
constexpr double kSpacingX = 260;
constexpr double kSpacingY = 170;
constexpr int kColumns = 3;
// Centres at least this far apart (in x or in y) leave a gap between two
// cards (168 × 76 at most) with room for an arrow and its label.
constexpr double kClearX = 280;
constexpr double kClearY = 130;
constexpr int kSearchRings = 40;

bool isFree(const NodeLayout& layout, QPointF spot) {
    for (const QPointF& taken : layout)
        if (std::abs(taken.x() - spot.x()) < kClearX && std::abs(taken.y() - spot.y()) < kClearY)
            return false;
    return true;
}

/// Grid offsets (in steps of kClearX, kClearY) nearest first in steps;
/// sideways before up and down, as views are wider than tall.
const std::vector<QPointF>& offsetsNearestFirst() {
    static const std::vector<QPointF> offsets = [] {
        std::vector<QPoint> steps;
        for (int dx = -kSearchRings; dx <= kSearchRings; ++dx)
            for (int dy = -kSearchRings; dy <= kSearchRings; ++dy)
                steps.emplace_back(dx, dy);
        std::stable_sort(steps.begin(), steps.end(), [](QPoint a, QPoint b) {
            const int da = a.x() * a.x() + a.y() * a.y(), db = b.x() * b.x() + b.y() * b.y();
            return da != db ? da < db : std::abs(a.y()) < std::abs(b.y());
        });
        std::vector<QPointF> all;
        for (QPoint step : steps)
            all.emplace_back(step.x() * kClearX, step.y() * kClearY);
        return all;
    }();
    return offsets;
}

} // namespace

void placeUnplacedGroups(const spikestudio::Model& model, NodeLayout& layout) {
    int slot = 0;
    for (const auto& group : model.groups) {
        const QString name = QString::fromStdString(group.name);
        if (layout.contains(name))
            continue;
        QPointF spot;
        do {
            spot = QPointF((slot % kColumns) * kSpacingX, (slot / kColumns) * kSpacingY);
            ++slot;
        } while (!isFree(layout, spot));
        layout.insert(name, spot);
    }
}

QPointF freeSpotNear(const NodeLayout& layout, QPointF preferred) {
    return preferred + freeOffsetNear(layout, {preferred}, {});
}

QPointF freeOffsetNear(const NodeLayout& layout, const QList<QPointF>& points, QPointF preferred) {
    for (const QPointF& step : offsetsNearestFirst()) {
        const QPointF offset = preferred + step;
        if (std::all_of(points.begin(), points.end(),
                        [&](QPointF point) { return isFree(layout, point + offset); }))
            return offset;
    }
    return preferred;
}

} // namespace spikestudio
