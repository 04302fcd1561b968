#pragma once

#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"

#include <memory>
#include <string>

/// Reads, checks, builds and runs `json` for its duration, seeded with 1.
inline std::unique_ptr<spikestudio::Network> runModelJson(const std::string& json) {
    spikestudio::CheckOptions options;
    options.seed = 1;
    const spikestudio::CheckedModel checked =
        spikestudio::checkModel(spikestudio::readModel(json), options);
    auto network = spikestudio::buildNetwork(checked);
    network->run(checked.duration);
    return network;
}

/// The one-line message reading, checking, building or running `json` gives
/// (problems found only once the synapses exist included), or "" when it runs.
inline std::string runProblemOf(const std::string& json) {
    try {
        runModelJson(json);
    } catch (const spikestudio::ModelError& error) {
        return error.what();
    }
    return "";
}
