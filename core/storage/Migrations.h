#pragma once

#include <string>
#include <vector>

namespace spikestudio {

class Database;

/// One step of the schema's history: takes a file from version `version - 1`
/// to `version`. Steps are never edited once released; a change to the
/// schema is a new step appended to migrations().
struct Migration {
    int version;
    std::string description;
    void (*apply)(Database&);
};

/// Every step, in order: migrations()[k].version == k + 1.
const std::vector<Migration>& migrations();

/// The version this build writes (PRAGMA user_version of a current file).
int currentSchemaVersion();

/// Applies the steps after the file's version up to `target` (the current
/// version by default), each in its own transaction with its user_version.
void migrate(Database& database, int target = currentSchemaVersion());

/// Spike Studio's PRAGMA application_id ("SPIK").
constexpr int kApplicationId = 0x5350494B;

} // namespace spikestudio
