#pragma once

#include "model/Model.h"

#include <QString>
#include <vector>

namespace spikestudio {

/// Neuron models to start from: each a NeuronGroup whose parameters are
/// per-neuron constants with textbook values in `initial`, so the group is
/// valid on its own and every value can be edited (or made heterogeneous).
namespace NeuronTemplates {

struct Template {
    QString id;    // "lif", "adex", ...
    QString title; // as the menu shows it
    spikestudio::GroupSpec group;
};

/// LIF, AdEx, Izhikevich, Hodgkin-Huxley, conductance-based LIF.
const std::vector<Template>& all();

/// The template `id` as a group named `name`; a plain LIF when `id` is unknown.
spikestudio::GroupSpec make(const QString& id, const std::string& name);

} // namespace NeuronTemplates

} // namespace spikestudio
