#pragma once

#include "expr/Reseed.h"

#include <nlohmann/json.hpp>
#include <string>

namespace spikestudio {

/// A seed entry as a model file writes it, in `initial` or a protocol's
/// `set`: `{"seed": 13579}` or `{"seed": "fresh"}` and no other field.
bool isSeedEntry(const nlohmann::ordered_json& entry);

/// Reads the seed entry at `field` (`initial[2]`, `protocol[1].set[0]`) of
/// `object`; throws ModelError naming `field.seed` or the stray field.
Reseed readSeedEntry(const nlohmann::ordered_json& entry, const std::string& object,
                     const std::string& field);

nlohmann::ordered_json seedEntryJson(const Reseed& reseed);

/// "seed(13579)" or "seed()", as Brian2 writes it (tables, summaries).
std::string seedCallText(const Reseed& reseed);

} // namespace spikestudio
