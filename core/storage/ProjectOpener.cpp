#include "storage/ProjectOpener.h"

#include "storage/Migrations.h"
#include "storage/PathChecks.h"
#include "storage/ProcessIdentity.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"
#include "storage/Transaction.h"

#include <filesystem>
#include <sqlite3.h>
#include <vector>

namespace spikestudio {

namespace {

constexpr int kBusyTimeoutMs = 5000;
constexpr int kPageSize = 16384; // large result blobs need fewer overflow pages

const char* const kUnchanged = "; the file was not changed";

bool emptyFile(const std::string& path) {
    std::error_code error;
    return std::filesystem::file_size(path, error) == 0 && !error;
}

} // namespace

std::unique_ptr<Database> ProjectOpener::open(const std::string& path, ProjectAccess access) {
    return access == ProjectAccess::ReadWrite ? openForWriting(path) : openForReading(path);
}

std::unique_ptr<Database> ProjectOpener::openForWriting(const std::string& path) {
    PathChecks::requireWritable(path);
    const bool created = !PathChecks::exists(path) || emptyFile(path);
    if (!created)
        PathChecks::requireSqliteHeader(path);
    auto database = std::make_unique<Database>(path, Database::Mode::ReadWriteCreate);
    database->execute("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs));
    inspect(*database);
    configureForWriting(*database, created);
    migrate(*database);
    markInterruptedRuns(*database);
    return database;
}

std::unique_ptr<Database> ProjectOpener::openForReading(const std::string& path) {
    PathChecks::requireReadable(path);
    if (emptyFile(path))
        throw StorageError(path + ": an empty file, not a Spike Studio project");
    PathChecks::requireSqliteHeader(path);
    std::unique_ptr<Database> database = connectForReading(path);
    database->execute("PRAGMA busy_timeout = " + std::to_string(kBusyTimeoutMs));
    const int version = inspect(*database);
    if (version == 0)
        throw StorageError(path + ": an empty database, not a Spike Studio project");
    if (version < currentSchemaVersion())
        throw StorageError(path + ": the project uses format version " + std::to_string(version) +
                           " and must be upgraded to " + std::to_string(currentSchemaVersion()) +
                           "; open it for writing once to upgrade it");
    return database;
}

/// Writable file: a normal connection refusing writes (it locks like any
/// reader and leaves no journal files behind). Otherwise SQLite could not
/// recover or share a journal anyway: without one the file alone is
/// complete and is read as immutable.
std::unique_ptr<Database> ProjectOpener::connectForReading(const std::string& path) {
    if (PathChecks::isWritable(path) && PathChecks::directoryWritable(path)) {
        auto database = std::make_unique<Database>(path, Database::Mode::ReadWrite);
        database->execute("PRAGMA query_only = ON");
        return database;
    }
    if (PathChecks::exists(path + "-wal") && !emptyFile(path + "-wal")) {
        if (!PathChecks::directoryWritable(path))
            throw StorageError(path + ": the project has unsaved journal data (" + path +
                               "-wal) and its directory is read-only; open it where it can be "
                               "written to recover the journal");
        return std::make_unique<Database>(path, Database::Mode::ReadOnly);
    }
    return std::make_unique<Database>(PathChecks::fileUri(path) + "?immutable=1",
                                      Database::Mode::ReadOnly, true, path);
}

int ProjectOpener::inspect(Database& database) {
    const std::string& name = database.name();
    std::int64_t applicationId = 0, version = 0, objects = 0;
    try {
        applicationId = database.queryInt("PRAGMA application_id");
        version = database.queryInt("PRAGMA user_version");
        objects = database.queryInt("SELECT count(*) FROM sqlite_schema");
    } catch (const StorageError& error) {
        const bool damaged = (error.sqliteCode() & 0xff) == SQLITE_CORRUPT ||
                             (error.sqliteCode() & 0xff) == SQLITE_IOERR;
        throw StorageError(name +
                               (damaged ? ": the project file is damaged ("
                                        : ": not a readable Spike Studio project (") +
                               StorageError::explain(error.sqliteCode()) + ")" + kUnchanged,
                           error.sqliteCode());
    }
    if (applicationId != kApplicationId && !(applicationId == 0 && version == 0 && objects == 0))
        throw StorageError(name + ": an SQLite database, but not a Spike Studio project" +
                           kUnchanged);
    if (version > currentSchemaVersion())
        throw StorageError(name + ": saved by a newer Spike Studio (project format version " +
                           std::to_string(version) + "; this version reads up to " +
                           std::to_string(currentSchemaVersion()) +
                           "). Open it with a newer Spike Studio" + kUnchanged);
    checkIntegrity(database);
    return static_cast<int>(version);
}

void ProjectOpener::checkIntegrity(Database& database) {
    std::vector<std::string> problems;
    try {
        SqlStatement check = database.prepare("PRAGMA quick_check(5)");
        while (check.step())
            problems.push_back(check.columnText(0));
    } catch (const StorageError& error) {
        problems = {StorageError::explain(error.sqliteCode())};
    }
    if (problems.size() == 1 && problems[0] == "ok")
        return;
    std::string list;
    for (const std::string& problem : problems)
        list += (list.empty() ? "" : "; ") + problem;
    throw StorageError(database.name() + ": the project file is damaged (" + list + ")" +
                       kUnchanged + ". Restore it from a backup.");
}

void ProjectOpener::configureForWriting(Database& database, bool created) {
    if (created)
        database.execute("PRAGMA page_size = " + std::to_string(kPageSize));
    if (database.queryText("PRAGMA journal_mode = WAL") != "wal")
        throw StorageError(database.name() + ": cannot switch the project to WAL mode");
    // NORMAL: a commit may be lost at a power cut, never corrupted. Model saves
    // ask for FULL themselves.
    database.execute("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
}

void ProjectOpener::markInterruptedRuns(Database& database) {
    std::vector<std::int64_t> gone;
    {
        SqlStatement running =
            database.prepare("SELECT id, writer FROM runs WHERE status = 'running'");
        while (running.step())
            if (!ProcessIdentity::isAlive(running.columnText(1)))
                gone.push_back(running.columnInt(0));
    }
    if (gone.empty())
        return;
    Transaction transaction(database);
    SqlStatement mark = database.prepare(
        "UPDATE runs SET status = 'interrupted', message = ? WHERE id = ? AND status = 'running'");
    for (std::int64_t id : gone)
        mark.bind(1, "the program writing this run ended before the run finished; results up "
                     "to the last committed chunk are kept")
            .bind(2, id)
            .run();
    transaction.commit();
}

} // namespace spikestudio
