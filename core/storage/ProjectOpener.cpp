#include "storage/ProjectOpener.h"

#include "files/AtomicOutputFile.h"
#include "storage/LockTimeout.h"
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

constexpr int kPageSize = 16384; // large result blobs need fewer overflow pages

const char* const kUnchanged = "; the file was not changed";

bool emptyFile(const std::string& path) {
    std::error_code error;
    return std::filesystem::file_size(path, error) == 0 && !error;
}

/// Removes a new project's temporary SQLite side files however creation ends.
class SideFiles {
public:
    explicit SideFiles(std::string database) : database_(std::move(database)) {}
    ~SideFiles() {
        std::error_code ignored;
        for (const char* suffix : {"-wal", "-shm", "-journal"})
            std::filesystem::remove(database_ + suffix, ignored);
    }

private:
    std::string database_;
};

} // namespace

std::unique_ptr<Database> ProjectOpener::open(const std::string& path, ProjectAccess access,
                                              const Seed& seed) {
    if (path.empty())
        throw StorageError("the project's file name is empty");
    return access == ProjectAccess::ReadWrite ? openForWriting(path, seed) : openForReading(path);
}

std::unique_ptr<Database> ProjectOpener::openForWriting(const std::string& path, const Seed& seed) {
    const std::chrono::milliseconds lockTimeout = LockTimeout::fromEnvironment();
    PathChecks::requireWritable(path);
    if (!PathChecks::exists(path) || emptyFile(path))
        create(path, seed);
    PathChecks::requireSqliteHeader(path);
    auto database = std::make_unique<Database>(path, Database::Mode::ReadWrite);
    database->setBusyTimeout(lockTimeout);
    inspect(*database);
    configureForWriting(*database);
    migrate(*database);
    markInterruptedRuns(*database);
    return database;
}

/// A journal left beside a project that does not exist yet would be replayed
/// into the new one the first time it is opened: refused (an empty one holds
/// nothing to replay).
void ProjectOpener::refuseStaleJournals(const std::string& path) {
    for (const char* suffix : {"-wal", "-journal"})
        if (PathChecks::exists(path + suffix) && !emptyFile(path + suffix))
            throw StorageError(path + ": cannot create the project: " + path + suffix +
                               " already exists (a journal left by another program?); remove it "
                               "first");
}

void ProjectOpener::create(const std::string& path, const Seed& seed) {
    refuseStaleJournals(path);
    const bool replacesEmptyFile = PathChecks::exists(path);
    try {
        AtomicOutputFile file(path);
        {
            const SideFiles sideFiles(file.temporaryPath());
            Database database(file.temporaryPath(), Database::Mode::ReadWrite, false, path);
            // No journal while building: until the rename nothing is visible anyway.
            database.execute("PRAGMA journal_mode = OFF; PRAGMA page_size = " +
                                 std::to_string(kPageSize),
                             "cannot create the project");
            migrate(database);
            if (seed)
                seed(database);
            if (database.queryText("PRAGMA journal_mode = WAL") != "wal")
                throw StorageError(path + ": cannot create the project in WAL mode");
        }
        file.commit(replacesEmptyFile ? AtomicOutputFile::Existing::Replace
                                      : AtomicOutputFile::Existing::Keep);
    } catch (const StorageError& error) {
        if (error.sqliteCode() == 0)
            throw;
        const bool full = (error.sqliteCode() & 0xff) == SQLITE_FULL;
        throw StorageError(
            path + ": cannot create the project: " +
                (full ? "the disk is full" : StorageError::explain(error.sqliteCode())) +
                "; no file was left behind",
            error.sqliteCode());
    } catch (const std::exception& error) {
        throw StorageError(std::string(error.what()) + " (creating the project)");
    }
}

std::unique_ptr<Database> ProjectOpener::openForReading(const std::string& path) {
    PathChecks::requireReadable(path);
    if (emptyFile(path))
        throw StorageError(path + ": an empty file, not a Spike Studio project");
    PathChecks::requireSqliteHeader(path);
    std::unique_ptr<Database> database = connectForReading(path);
    database->setBusyTimeout(LockTimeout::fromEnvironment());
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

void ProjectOpener::configureForWriting(Database& database) {
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
