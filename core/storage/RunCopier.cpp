#include "storage/RunCopier.h"

#include "storage/Database.h"
#include "storage/Project.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"
#include "storage/Transaction.h"

#include <filesystem>

namespace spikestudio {

namespace {

/// Attaches `path` to `database` as "source" for as long as it lives. SQLite
/// cannot attach inside a transaction, so this goes first and last.
class AttachedSource {
public:
    AttachedSource(Database& database, const std::string& path) : database_(database) {
        database_.prepare("ATTACH DATABASE ? AS source").bind(1, path).run();
    }
    ~AttachedSource() {
        try {
            database_.execute("DETACH DATABASE source");
        } catch (const StorageError&) {
            // The connection closes with the project; nothing is left half-done.
        }
    }
    AttachedSource(const AttachedSource&) = delete;
    AttachedSource& operator=(const AttachedSource&) = delete;

private:
    Database& database_;
};

void requireEnded(Project& from, const std::vector<std::int64_t>& ids) {
    for (std::int64_t id : ids)
        if (from.run(id).status == RunStatus::Running) // throws for a missing run
            throw StorageError(from.path() + ": run " + std::to_string(id) +
                               " is still running; stop it first");
}

bool sameFile(const std::string& a, const std::string& b) {
    std::error_code error;
    return std::filesystem::equivalent(a, b, error);
}

void copyMonitor(Database& database, std::int64_t sourceMonitor, std::int64_t run) {
    database
        .prepare("INSERT INTO main.monitors (run_id, position, name, type, source, "
                 "source_size, dt) SELECT ?, position, name, type, source, source_size, dt "
                 "FROM source.monitors WHERE id = ?")
        .bind(1, run)
        .bind(2, sourceMonitor)
        .run();
    const std::int64_t monitor = database.lastInsertId();
    database
        .prepare("INSERT INTO main.monitor_columns (monitor_id, position, variable, element, "
                 "unit, dimension) SELECT ?, position, variable, element, unit, dimension "
                 "FROM source.monitor_columns WHERE monitor_id = ?")
        .bind(1, monitor)
        .bind(2, sourceMonitor)
        .run();
    database
        .prepare("INSERT INTO main.chunks (monitor_id, first, count, format, data) "
                 "SELECT ?, first, count, format, data FROM source.chunks WHERE monitor_id = ?")
        .bind(1, monitor)
        .bind(2, sourceMonitor)
        .run();
}

/// A run's statistics, when the source is new enough to have them.
void copyStatistics(Database& database, std::int64_t sourceRun, std::int64_t run) {
    if (database.queryInt("PRAGMA source.user_version") < 3)
        return;
    database
        .prepare("INSERT INTO main.run_statistics (run_id, statistics_json) "
                 "SELECT ?, statistics_json FROM source.run_statistics WHERE run_id = ?")
        .bind(1, run)
        .bind(2, sourceRun)
        .run();
}

std::int64_t copyRun(Database& database, std::int64_t sourceRun) {
    database
        .prepare("INSERT INTO main.runs (started_at, finished_at, duration, dt, seed, "
                 "model_json, status, message, build_ms, simulate_ms, simulated_time, writer) "
                 "SELECT started_at, finished_at, duration, dt, seed, model_json, status, "
                 "message, build_ms, simulate_ms, simulated_time, writer "
                 "FROM source.runs WHERE id = ?")
        .bind(1, sourceRun)
        .run();
    const std::int64_t run = database.lastInsertId();
    std::vector<std::int64_t> monitors;
    SqlStatement select =
        database.prepare("SELECT id FROM source.monitors WHERE run_id = ? ORDER BY id");
    select.bind(1, sourceRun);
    while (select.step())
        monitors.push_back(select.columnInt(0));
    for (std::int64_t monitor : monitors)
        copyMonitor(database, monitor, run);
    copyStatistics(database, sourceRun, run);
    return run;
}

void joinSweep(Database& database, std::int64_t run, const SweepMembership& sweep) {
    database.prepare("UPDATE main.runs SET sweep_id = ?, sweep_variant = ? WHERE id = ?")
        .bind(1, sweep.sweepId)
        .bind(2, sweep.variant)
        .bind(3, run)
        .run();
}

} // namespace

std::vector<std::int64_t> copyRuns(Project& from, Project& to,
                                   const std::vector<std::int64_t>& ids) {
    std::vector<RunToCopy> runs;
    for (std::int64_t id : ids)
        runs.push_back({id, std::nullopt});
    return copyRunsJoiningSweeps(from, to, runs);
}

std::vector<std::int64_t> copyRunsJoiningSweeps(Project& from, Project& to,
                                                const std::vector<RunToCopy>& runs) {
    if (sameFile(from.path(), to.path()))
        throw StorageError(to.path() + ": runs cannot be copied into the project they are in");
    std::vector<std::int64_t> ids;
    for (const RunToCopy& run : runs)
        ids.push_back(run.id);
    requireEnded(from, ids);
    Database& database = to.database();
    const AttachedSource source(database, from.path());
    Transaction transaction(database);
    std::vector<std::int64_t> copies;
    for (const RunToCopy& run : runs) {
        copies.push_back(copyRun(database, run.id));
        if (run.sweep)
            joinSweep(database, copies.back(), *run.sweep);
    }
    transaction.commit();
    return copies;
}

} // namespace spikestudio
