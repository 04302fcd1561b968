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

/// Kernels read N_incoming through the postsynaptic index and N_outgoing
/// through the presynaptic one: the number of synapses of each target
/// (source) neuron, counted on first use and kept in the state.
std::vector<double>& countsPerNeuron(SynapseState& synapses, const std::string& name);

/// The per-synapse array a kernel binds for `name`. A delay shared by all
/// synapses is spread out into a `delay` array the first time one is asked for.
StateArray& perSynapseArray(SynapseState& synapses, const std::string& name);

} // namespace spikestudio
