#include "connectivity/SynapsesSummary.h"

#include "model/CheckedModel.h"
#include "runtime/SynapseState.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <span>

namespace spikestudio {

namespace {

SynapsesSummary::Degrees degreesOf(const std::vector<std::int32_t>& indices, long long neurons) {
    std::vector<long long> perNeuron(size_t(std::max(neurons, 0LL)), 0);
    for (std::int32_t index : indices)
        ++perNeuron[size_t(index)];
    SynapsesSummary::Degrees degrees;
    degrees.histogram = Histogram::ofCounts(perNeuron);
    if (!perNeuron.empty()) {
        const auto [low, high] = std::minmax_element(perNeuron.begin(), perNeuron.end());
        degrees.min = *low;
        degrees.max = *high;
        degrees.mean = double(indices.size()) / double(perNeuron.size());
    }
    return degrees;
}

SynapsesSummary::Variable variableOf(std::string name, const Dimension& dim,
                                     std::span<const double> values) {
    SynapsesSummary::Variable variable{std::move(name), dim, Histogram::ofValues(values)};
    for (double value : values)
        if (std::isfinite(value))
            variable.largest = std::max(variable.largest, std::abs(value));
    variable.uniform =
        !values.empty() && std::all_of(values.begin(), values.end(),
                                       [&](double value) { return value == values.front(); });
    variable.value = values.empty() ? 0.0 : values.front();
    return variable;
}

/// A delay shared by every synapse is one number; it is drawn as one bar.
SynapsesSummary::Variable delayOf(const SynapseState& state) {
    if (const auto it = state.variables.find("delay"); it != state.variables.end())
        return variableOf("delay", Dimension::second(), it->second);
    const double delay = state.uniformDelay.value_or(0.0);
    SynapsesSummary::Variable variable{"delay", Dimension::second(),
                                       Histogram::ofValues(std::span<const double>(&delay, 1))};
    variable.histogram.counts.assign(1, double(state.size()));
    variable.uniform = true;
    variable.value = delay;
    variable.largest = std::abs(delay);
    return variable;
}

} // namespace

double SynapsesSummary::density() const {
    const double pairs = double(sourceSize) * double(targetSize);
    return pairs > 0 ? double(synapses) / pairs : 0.0;
}

SynapsesSummary SynapsesSummary::of(const SynapseState& state, const CheckedSynapses& checked) {
    SynapsesSummary summary;
    summary.name = state.name;
    summary.source = state.source->name;
    summary.target = state.target->name;
    summary.sourceSize = state.source->size;
    summary.targetSize = state.target->size;
    summary.synapses = state.size();
    summary.matrix =
        ConnectionMatrix::of(state.pre, state.post, summary.sourceSize, summary.targetSize);
    summary.out = degreesOf(state.pre, summary.sourceSize);
    summary.in = degreesOf(state.post, summary.targetSize);
    for (const std::string& name : checked.stateVariables) {
        const auto values = state.variables.find(name);
        if (name == "lastupdate" || values == state.variables.end())
            continue; // bookkeeping of event-driven updates, not a quantity of the model
        const Equation* equation = checked.equations.find(name);
        summary.variables.push_back(
            variableOf(name, equation ? equation->unit.dim : Dimension(), values->second));
    }
    summary.variables.push_back(delayOf(state));
    return summary;
}

} // namespace spikestudio
