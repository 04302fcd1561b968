#pragma once

#include "model/Model.h"

#include <string>
#include <vector>

namespace spikestudio::fuzz {

/// A small model that checks and uses every kind of object: a NeuronGroup with
/// refractoriness and TimedArrays, a PoissonGroup, a SpikeGeneratorGroup, a
/// PoissonInput, synapses connected by a rule, by generator syntax and by
/// arrays, with plasticity, delays and a summed variable, and every monitor.
/// Fuzz targets put their text into one of its fields.
const Model& baseModel();

/// A field of the base model that a user types Brian2 text into.
struct TextField {
    const char* name; // "G.threshold", "S.on_pre", ...
    void (*set)(Model& model, const std::string& text);
};

/// Every text field of the base model. The order is part of the corpus format
/// (an input's first byte chooses the field): append, never reorder.
const std::vector<TextField>& textFields();

} // namespace spikestudio::fuzz
