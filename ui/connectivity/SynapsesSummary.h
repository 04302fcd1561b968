#pragma once

#include "analysis/Histogram.h"
#include "connectivity/ConnectionMatrix.h"
#include "units/Dimension.h"

#include <string>
#include <vector>

namespace spikestudio {

struct CheckedSynapses;
struct SynapseState;

/// One Synapses object as the connectivity view draws it, computed from the
/// synapses a run would create: counts and density, the binned connection
/// matrix, in- and out-degree histograms, and a histogram of each synaptic
/// variable and of the delays.
struct SynapsesSummary {
    struct Degrees {
        Histogram histogram;
        double mean = 0.0;
        long long min = 0;
        long long max = 0;
    };
    struct Variable {
        std::string name;
        Dimension dim;
        Histogram histogram;
        bool uniform = false; // every synapse has `value`
        double value = 0.0;
        double largest = 0.0; // magnitude (SI), to choose the unit
    };

    std::string name;
    std::string source;
    std::string target;
    long long sourceSize = 0;
    long long targetSize = 0;
    long long synapses = 0;
    ConnectionMatrix matrix;
    Degrees out; // synapses per source neuron
    Degrees in;  // synapses per target neuron
    std::vector<Variable> variables;

    /// Synapses per possible (source, target) pair.
    double density() const;

    static SynapsesSummary of(const SynapseState& state, const CheckedSynapses& checked);
};

} // namespace spikestudio
