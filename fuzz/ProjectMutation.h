#pragma once

#include "FuzzBytes.h"

#include <string>

namespace spikestudio::fuzz {

/// Changes a project file as someone with `sqlite3` could: each step of the
/// program read from `bytes` sets one cell to a chosen value (any SQLite type,
/// CHECK constraints off), deletes or copies a row, inserts a result chunk,
/// sets the schema version, or changes the schema. Steps SQLite refuses are
/// skipped. Runs until the bytes are used up.
void mutateProject(const std::string& path, FuzzBytes& bytes);

} // namespace spikestudio::fuzz
