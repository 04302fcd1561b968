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

/// An empty model with the format's default dt and a duration.
spikestudio::Model emptyModel();

} // namespace ModelDefaults

} // namespace spikestudio
