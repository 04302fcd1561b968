#pragma once

#include "model/Model.h"
#include "units/Dimension.h"

#include <string>
#include <vector>

namespace spikestudio {

/// A constant of a model as the run panel and the sweep dialog offer it:
/// its name, its text and its value (SI) with its dimension.
struct ModelConstant {
    std::string name;
    std::string text;
    Dimension dim;
    double value = 0.0;
};

/// The constants of `model` that evaluate (each may use those before it), in
/// order; one that does not is left out (the model check reports it).
std::vector<ModelConstant> evaluableConstants(const Model& model);

} // namespace spikestudio
