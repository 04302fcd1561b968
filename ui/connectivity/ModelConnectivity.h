#pragma once

#include "connectivity/SynapsesSummary.h"
#include "model/Model.h"

#include <QString>
#include <cstdint>
#include <optional>
#include <vector>

namespace spikestudio {

/// Every Synapses object of a model, created by the engine exactly as a run
/// with the same seed creates them (the same connect code, delays and
/// initial values, drawing the same random numbers), without running, and
/// summarised for the connectivity view. Slow for millions of synapses:
/// call it off the GUI thread.
struct ModelConnectivity {
    std::uint32_t seed = 0;
    bool seedFromModel = false; // false: the model has none, so this one was drawn
    std::vector<SynapsesSummary> synapses;
    QString problem; // why nothing could be built: the model's error, or memory

    /// `seed` overrides the model's (a stored run's seed gives that run's synapses).
    static ModelConnectivity build(Model model, std::optional<std::uint32_t> seed = {});
    const SynapsesSummary* find(const std::string& name) const;
};

} // namespace spikestudio
