#pragma once

#include "storage/Database.h"
#include "storage/ProjectAccess.h"

#include <functional>
#include <memory>
#include <string>

namespace spikestudio {

/// Opens a project file, refusing (with StorageError, before anything is
/// written) what is not a sound Spike Studio project of a version this build
/// reads: foreign files, SQLite files of other programs, damaged files
/// (PRAGMA quick_check), newer schema versions, read-only files for writing.
/// For writing it then switches to WAL, upgrades the schema and marks runs
/// whose writer has gone as interrupted.
///
/// A new project (no file, or an empty one) is built complete under a
/// temporary name beside it and renamed into place (AtomicOutputFile): a
/// failure, a full disk for one, leaves no file behind.
class ProjectOpener {
public:
    /// Fills a new project before it appears under its name (e.g. its model).
    using Seed = std::function<void(Database&)>;

    static std::unique_ptr<Database> open(const std::string& path, ProjectAccess access,
                                          const Seed& seed = {});

private:
    static std::unique_ptr<Database> openForWriting(const std::string& path, const Seed& seed);
    static void create(const std::string& path, const Seed& seed);
    static void refuseStaleJournals(const std::string& path);
    static std::unique_ptr<Database> openForReading(const std::string& path);
    static std::unique_ptr<Database> connectForReading(const std::string& path);
    /// The file's schema version after checking it may be opened at all.
    static int inspect(Database& database);
    static void checkIntegrity(Database& database);
    static void configureForWriting(Database& database);
    static void markInterruptedRuns(Database& database);
};

} // namespace spikestudio
