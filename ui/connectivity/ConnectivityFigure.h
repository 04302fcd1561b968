#pragma once

#include <QString>

class QCustomPlot;

namespace spikestudio {

struct SynapsesSummary;

/// Draws one Synapses object's connectivity into a plot: a title with the
/// synapse count and density, the connection matrix (source neurons across,
/// target neurons up; binned into blocks for large groups, coloured by
/// synapses per neuron pair), the out- and in-degree histograms, and the
/// histogram of one synaptic variable (or the delays).
class ConnectivityFigure {
public:
    /// Plottable names, for finding them again (tests).
    static constexpr const char* kMatrix = "connection matrix";
    static constexpr const char* kOutDegree = "out-degree";
    static constexpr const char* kInDegree = "in-degree";

    /// `variable` indexes summary.variables; `note` goes under the title (the seed).
    static void build(QCustomPlot& plot, const SynapsesSummary& summary, size_t variable,
                      const QString& note);
};

} // namespace spikestudio
