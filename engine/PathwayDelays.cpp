#include "engine/PathwayDelays.h"

#include "diagnostics/ModelError.h"
#include "diagnostics/SizeText.h"
#include "expr/ExprText.h"
#include "expr/PathwayDelayName.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <span>

namespace spikestudio {

void checkDelay(const std::string& object, const std::string& field, size_t synapse, double delay) {
    if (!(delay >= 0.0) || !std::isfinite(delay))
        throw ModelError({object, field, 0, 0}, "the delay of synapse " + std::to_string(synapse) +
                                                    " is " + std::to_string(delay) +
                                                    " s; delays must be non-negative");
}

std::vector<double> storedDelays(Column delays, size_t synapses, const std::string& object,
                                 const std::string& field) {
    if (synapses == 0)
        return {};
    if (delays.uniform) {
        checkDelay(object, field, 0, delays.value);
        return {delays.value};
    }
    checkDelays(delays.values, object, field);
    return std::move(delays.values);
}

void checkDelays(std::span<const double> delays, const std::string& object,
                 const std::string& field) {
    for (size_t k = 0; k < delays.size(); ++k)
        checkDelay(object, field, k, delays[k]);
}

std::string lastDelayAssignment(const std::vector<ElementAssignment>& assignments) {
    for (auto entry = assignments.rbegin(); entry != assignments.rend(); ++entry)
        if (entry->target == "delay")
            return entry->field;
    return "";
}

bool assignsDelaysOf(const std::vector<ElementAssignment>& assignments,
                     const std::string& pathway) {
    return std::any_of(assignments.begin(), assignments.end(), [&](const ElementAssignment& entry) {
        return entry.target == pathwayDelayName(pathway);
    });
}

void checkAssignedPathwayDelays(const std::vector<ElementAssignment>& assignments,
                                const SynapseState& synapses) {
    std::map<std::string, std::string> lastField; // pathway -> field of its last entry
    for (const ElementAssignment& entry : assignments)
        if (const auto pathway = pathwayOfDelay(entry.target))
            lastField[*pathway] = entry.field;
    for (const auto& [pathway, field] : lastField)
        checkDelays(synapses.pathwayDelays.at(pathway), synapses.name, field + ".value");
}

void perSynapseDelays(SynapseState& synapses) {
    if (!synapses.uniformDelay)
        return;
    synapses.variables["delay"].assign(static_cast<size_t>(synapses.size()),
                                       *synapses.uniformDelay);
    synapses.uniformDelay.reset();
}

std::span<const double> delaysOf(const SynapseState& synapses, const CheckedPathway& pathway) {
    if (synapses.size() == 0)
        return {};
    if (pathway.objectDelay) {
        if (synapses.uniformDelay)
            return {&*synapses.uniformDelay, 1};
        return synapses.variables.at("delay");
    }
    const auto own = synapses.pathwayDelays.find(pathway.name);
    if (own == synapses.pathwayDelays.end())
        return {};
    return own->second;
}

std::vector<std::int32_t> delaySteps(std::span<const double> delays, double dt,
                                     const std::string& object, const std::string& field) {
    constexpr double kMostSteps = std::numeric_limits<std::int32_t>::max() - 1;
    std::vector<std::int32_t> steps(delays.size());
    for (size_t k = 0; k < delays.size(); ++k) {
        const double rounded = std::floor(delays[k] / dt + 0.5);
        if (!(rounded <= kMostSteps))
            throw ModelError(
                {object, field, 0, 0},
                "the delay of synapse " + std::to_string(k) + " is " + formatNumber(delays[k]) +
                    " s, " + formatCount(rounded) + " time steps of " + formatNumber(dt) +
                    " s; a delay can be at most " + formatCount(kMostSteps) + " steps");
        steps[k] = static_cast<std::int32_t>(rounded);
    }
    return steps;
}

} // namespace spikestudio
