#pragma once

#include "expr/Scope.h"
#include "expr/Statement.h"
#include "runtime/SynapseState.h"
#include "runtime/VectorEvaluator.h"

namespace spikestudio {

/// The columns synaptic expressions read, one value per synapse: i and j,
/// the synapses' own variables, x_pre and x_post gathered through the indices.
ColumnSource synapseColumns(const SynapseState& synapses);

/// Evaluates a per-synapse expression (a delay), as Brian2's numpy target does.
Column evaluatePerSynapse(const ExprPtr& expr, const Scope& scope, const SynapseState& synapses,
                          RandomGenerator& random);

/// Evaluates `initial` assignments over all synapses, in the order written.
void applySynapseInitialValues(const std::vector<Statement>& initial, const Scope& scope,
                               SynapseState& synapses, RandomGenerator& random);

/// N_incoming and N_outgoing of every synapse, from the index arrays.
void countSynapsesPerNeuron(SynapseState& synapses);

} // namespace spikestudio
