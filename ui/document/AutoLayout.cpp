#include "document/AutoLayout.h"

#include <algorithm>
#include <cmath>

namespace spikestudio {

namespace {

constexpr double kSpacingX = 260;
constexpr double kSpacingY = 170;
constexpr int kColumns = 3;

bool isFree(const NodeLayout& layout, QPointF spot) {
    for (const QPointF& taken : layout)
        if (std::abs(taken.x() - spot.x()) < kSpacingX * 0.7 &&
            std::abs(taken.y() - spot.y()) < kSpacingY * 0.7)
            return false;
    return true;
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
    // Walk outwards on a spiral of grid cells until one is clear.
    for (int ring = 0; ring < 50; ++ring)
        for (int dx = -ring; dx <= ring; ++dx)
            for (int dy = -ring; dy <= ring; ++dy) {
                if (std::max(std::abs(dx), std::abs(dy)) != ring)
                    continue;
                const QPointF spot = preferred + QPointF(dx * kSpacingX, dy * kSpacingY);
                if (isFree(layout, spot))
                    return spot;
            }
    return preferred;
}

} // namespace spikestudio
