#pragma once

#include <string>

namespace spikestudio {

/// The project's current model: model format v1 JSON and the editor's layout JSON.
struct StoredModel {
    std::string modelJson;
    std::string layoutJson;
    std::string savedAt; // ISO 8601 UTC
};

} // namespace spikestudio
