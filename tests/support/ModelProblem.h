#pragma once

#include "diagnostics/ModelError.h"
#include "model/CheckedModel.h"
#include "model/ModelReader.h"

#include <string>

/// The one-line message reading and checking `json` gives, or "(accepted)".
inline std::string problemOf(const std::string& json) {
    try {
        spikestudio::checkModel(spikestudio::readModel(json));
    } catch (const spikestudio::ModelError& error) {
        return error.what();
    }
    return "(accepted)";
}
