#include "connectivity/ConnectionMatrix.h"

#include <algorithm>

namespace spikestudio {

namespace {

long long perCell(long long neurons, int maxCells) {
    return std::max(1LL, (neurons + maxCells - 1) / maxCells);
}

int cellsFor(long long neurons, long long perCell) {
    return int((neurons + perCell - 1) / perCell);
}

} // namespace

ConnectionMatrix ConnectionMatrix::of(const std::vector<std::int32_t>& pre,
                                      const std::vector<std::int32_t>& post, long long sources,
                                      long long targets, int maxCells) {
    ConnectionMatrix matrix;
    matrix.sources = sources;
    matrix.targets = targets;
    matrix.sourcesPerCell = perCell(sources, maxCells);
    matrix.targetsPerCell = perCell(targets, maxCells);
    matrix.sourceCells = cellsFor(sources, matrix.sourcesPerCell);
    matrix.targetCells = cellsFor(targets, matrix.targetsPerCell);
    matrix.synapses.assign(size_t(matrix.sourceCells) * size_t(matrix.targetCells), 0.0);
    for (size_t k = 0; k < pre.size(); ++k) {
        const auto a = size_t(pre[k] / matrix.sourcesPerCell);
        const auto b = size_t(post[k] / matrix.targetsPerCell);
        matrix.synapses[a * size_t(matrix.targetCells) + b] += 1.0;
    }
    return matrix;
}

double ConnectionMatrix::density(int sourceCell, int targetCell) const {
    const long long sourcesHere = std::min(sourcesPerCell, sources - firstSource(sourceCell));
    const long long targetsHere = std::min(targetsPerCell, targets - firstTarget(targetCell));
    return synapsesIn(sourceCell, targetCell) / double(sourcesHere * targetsHere);
}

} // namespace spikestudio
