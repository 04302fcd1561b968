#pragma once

#include "model/CheckedModel.h"
#include "model/ProblemCollector.h"

namespace spikestudio {

/// Code that writes a linked variable (a reset's `x_linked += 1`) writes its
/// source's element, as in Brian2. Checks, once every link is known, that
/// each neuron of the writing group reaches an element of its own: a link
/// that maps several neurons onto one element (an index array repeating an
/// element, or one element for a group of several) would make the result
/// depend on the order the neurons are run in. Problems go to `problems`, naming the field.
void checkLinkedWrites(const CheckedModel& checked, ProblemCollector& problems);

} // namespace spikestudio
