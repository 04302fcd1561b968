#pragma once

#include "model/CheckedModel.h"
#include "runtime/SynapseState.h"
#include "runtime/VectorEvaluator.h"

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace spikestudio {

/// Refuses a negative or non-finite delay of `synapse`, naming object and field.
void checkDelay(const std::string& object, const std::string& field, size_t synapse, double delay);

/// Checks every delay of `delays` (one value when uniform) and returns them as
/// SynapseState keeps a pathway's delays: one value when the same for every
/// synapse, else one per synapse.
std::vector<double> storedDelays(Column delays, size_t synapses, const std::string& object,
                                 const std::string& field);

/// Refuses a negative or non-finite delay among `delays`, naming object and field.
void checkDelays(std::span<const double> delays, const std::string& object,
                 const std::string& field);

/// The field of the last entry of a Synapses object's `initial` list that
/// sets `delay` (`initial[3]`), or "" when none does.
std::string lastDelayAssignment(const std::vector<ElementAssignment>& assignments);

/// Whether an entry of the `initial` list sets the delays of `pathway`
/// (`up.delay`; the pathway 'pre''s are `delay`).
bool assignsDelaysOf(const std::vector<ElementAssignment>& assignments, const std::string& pathway);

/// Refuses a negative or non-finite delay that the `initial` list set in a
/// pathway other than 'pre', naming the last entry that set that pathway's.
void checkAssignedPathwayDelays(const std::vector<ElementAssignment>& assignments,
                                const SynapseState& synapses);

/// Gives every synapse its own entry in variables["delay"] (the list form of
/// `initial` sets delays by index or condition).
void perSynapseDelays(SynapseState& synapses);

/// The delays of `pathway` as SynapseState keeps them: the object's `delay`
/// for the pathway 'pre', its own for any other; empty when it has none.
std::span<const double> delaysOf(const SynapseState& synapses, const CheckedPathway& pathway);

/// Delay steps as Brian2's queue rounds them, (int)(delay / dt + 0.5),
/// refused beyond the queue's 32-bit steps rather than wrapped around.
/// Empty, one value (shared) or one per synapse, as `delays` is.
std::vector<std::int32_t> delaySteps(std::span<const double> delays, double dt,
                                     const std::string& object, const std::string& field);

} // namespace spikestudio
