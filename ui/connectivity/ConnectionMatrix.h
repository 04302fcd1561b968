#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace spikestudio {

/// Which neurons connect to which, binned for drawing: cell (a, b) counts the
/// synapses from the a-th block of source neurons to the b-th block of target
/// neurons. Blocks are single neurons while a side has at most `maxCells`
/// neurons, else runs of equal length (the last may be shorter).
struct ConnectionMatrix {
    long long sources = 0;
    long long targets = 0;
    long long sourcesPerCell = 1;
    long long targetsPerCell = 1;
    int sourceCells = 0;
    int targetCells = 0;
    std::vector<double> synapses; // sourceCell * targetCells + targetCell

    static ConnectionMatrix of(const std::vector<std::int32_t>& pre,
                               const std::vector<std::int32_t>& post, long long sources,
                               long long targets, int maxCells = 300);

    double synapsesIn(int sourceCell, int targetCell) const {
        return synapses[size_t(sourceCell) * size_t(targetCells) + size_t(targetCell)];
    }
    /// Synapses per neuron pair in the cell (1 for a connected pair of single neurons).
    double density(int sourceCell, int targetCell) const;
    /// The first source (target) neuron of a cell.
    long long firstSource(int cell) const { return cell * sourcesPerCell; }
    long long firstTarget(int cell) const { return cell * targetsPerCell; }
};

} // namespace spikestudio
