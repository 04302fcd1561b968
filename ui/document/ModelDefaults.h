#pragma once

#include "model/Model.h"

namespace spikestudio {

/// Starting points for objects added from the palette: small, valid, and easy
/// to edit into what the user wants.
namespace ModelDefaults {

/// A new group of `type` with a name not yet used in `model`.
spikestudio::GroupSpec group(spikestudio::GroupType type, const spikestudio::Model& model);

/// A new Synapses object from `source` to `target` (p = 0.1). Onto a
/// NeuronGroup it adds 0.5 mV to the target's `v` per spike.
spikestudio::SynapsesSpec synapses(const spikestudio::Model& model, const std::string& source,
                                   const std::string& target);

/// A new monitor of `source`, named after its kind and source (spikes_G,
/// rate_G, trace_G, then spikes_G_1, ...). A StateMonitor records
/// `variables` of the first `count` neurons (fewer if the group is smaller).
spikestudio::MonitorSpec monitor(const spikestudio::Model& model, const std::string& source,
                                 spikestudio::MonitorType type,
                                 const std::vector<std::string>& variables = {},
                                 long long count = 0);

/// A one-column TimedArray (0 then 1 on a 10 ms grid) with a free name.
spikestudio::TimedArraySpec timedArray(const spikestudio::Model& model);

/// A BinomialFunction of 100 trials of probability 0.1, approximate as in
/// Brian2, named binomial (binomial_1, ... when that is taken).
spikestudio::BinomialFunctionSpec binomialFunction(const spikestudio::Model& model);

/// A PoissonInput onto the first variable of the first NeuronGroup (100
/// inputs at 10 Hz, weight 0.1 mV), with a free name.
spikestudio::PoissonInputSpec poissonInput(const spikestudio::Model& model);

/// An empty model with the format's default dt and a duration.
spikestudio::Model emptyModel();

} // namespace ModelDefaults

} // namespace spikestudio
