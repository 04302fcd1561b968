#pragma once

#include "expr/ElementAssignment.h"
#include "expr/Scope.h"
#include "runtime/GroupState.h"
#include "runtime/RandomGenerator.h"
#include "runtime/SynapseState.h"

#include <vector>

namespace spikestudio {

/// Applies `initial` in its list form, entry by entry, as Brian2's numpy
/// target does: a condition is evaluated for every element first (its
/// rand() calls draw one number per element), then the value only for the
/// selected elements, in index order (one draw per selected element, so
/// the random stream stays Brian2's). Numbers are written as given; a seed
/// entry starts the stream again (RandomGenerator::reseed). A
/// selection or list of numbers that does not fit throws ModelError
/// naming the object and the entry's field.
void applyGroupAssignments(const std::vector<ElementAssignment>& assignments, const Scope& scope,
                           GroupState& group, RandomGenerator& random);

void applySynapseAssignments(const std::vector<ElementAssignment>& assignments, const Scope& scope,
                             SynapseState& synapses, RandomGenerator& random);

} // namespace spikestudio
