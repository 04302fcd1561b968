#include "storage/Project.h"

#include "storage/ProcessIdentity.h"
#include "storage/ProjectOpener.h"
#include "storage/SqlNow.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"
#include "storage/Transaction.h"

namespace spikestudio {

namespace {

/// synchronous = FULL while alive: the commit is on disk before it returns.
class DurableWrites {
public:
    explicit DurableWrites(Database& database) : database_(database) {
        database_.execute("PRAGMA synchronous = FULL");
    }
    ~DurableWrites() {
        try {
            database_.execute("PRAGMA synchronous = NORMAL");
        } catch (const StorageError&) {
            // Staying at FULL is only slower.
        }
    }

private:
    Database& database_;
};

/// Writes the model and the version that saved it (inside a transaction).
void storeModel(Database& database, const std::string& modelJson, const std::string& layoutJson) {
    database
        .prepare(std::string("INSERT OR REPLACE INTO model (id, model_json, layout_json, "
                             "saved_at) VALUES (1, ?, ?, ") +
                 kSqlNow + ")")
        .bind(1, modelJson)
        .bind(2, layoutJson)
        .run();
    database
        .prepare("INSERT OR REPLACE INTO project (key, value) VALUES ('written_with', "
                 "'Spike Studio " SPIKESTUDIO_VERSION "')")
        .run();
}

std::optional<double> optionalDouble(const SqlStatement& statement, int column) {
    if (statement.isNull(column))
        return std::nullopt;
    return statement.columnDouble(column);
}

} // namespace

Project::Project(const std::string& path, ProjectAccess access)
    : path_(path), access_(access), database_(ProjectOpener::open(path, access)) {}

Project::Project(const std::string& path, const std::function<void(Database&)>& seed)
    : path_(path), access_(ProjectAccess::ReadWrite),
      database_(ProjectOpener::open(path, access_, seed)) {}

Project Project::openOrCreate(const std::string& path, const std::string& modelJson,
                              const std::string& layoutJson) {
    Project project(path, [&](Database& database) {
        Transaction transaction(database);
        storeModel(database, modelJson, layoutJson);
        transaction.commit();
    });
    if (!project.model())
        project.saveModel(modelJson, layoutJson);
    return project;
}

int Project::schemaVersion() {
    return static_cast<int>(database_->queryInt("PRAGMA user_version"));
}

std::map<std::string, std::string> Project::metadata() {
    std::map<std::string, std::string> values;
    SqlStatement select = database_->prepare("SELECT key, value FROM project");
    while (select.step())
        values[select.columnText(0)] = select.columnText(1);
    return values;
}

void Project::saveModel(const std::string& modelJson, const std::string& layoutJson) {
    DurableWrites durable(*database_);
    Transaction transaction(*database_);
    storeModel(*database_, modelJson, layoutJson);
    transaction.commit();
}

std::optional<StoredModel> Project::model() {
    SqlStatement select =
        database_->prepare("SELECT model_json, layout_json, saved_at FROM model WHERE id = 1");
    if (!select.step())
        return std::nullopt;
    return StoredModel{select.columnText(0), select.columnText(1), select.columnText(2)};
}

std::vector<RunSummary> Project::runs() {
    return queryRuns("", 0);
}

RunSummary Project::run(std::int64_t id) {
    std::vector<RunSummary> found = queryRuns("WHERE r.id = ?", id);
    if (found.empty())
        throw StorageError(path_ + ": there is no run " + std::to_string(id));
    return found.front();
}

void Project::deleteRun(std::int64_t id) {
    if (run(id).status == RunStatus::Running)
        throw StorageError(path_ + ": run " + std::to_string(id) +
                           " is still running; stop it first");
    Transaction transaction(*database_);
    database_->prepare("DELETE FROM runs WHERE id = ?").bind(1, id).run();
    transaction.commit();
}

std::string Project::runModel(std::int64_t id) {
    SqlStatement select = database_->prepare("SELECT model_json FROM runs WHERE id = ?");
    select.bind(1, id);
    if (!select.step())
        throw StorageError(path_ + ": there is no run " + std::to_string(id));
    return select.columnText(0);
}

std::optional<std::string> Project::runStatistics(std::int64_t id) {
    run(id);
    if (schemaVersion() < 3) // opened read-only, older than statistics
        return std::nullopt;
    SqlStatement select =
        database_->prepare("SELECT statistics_json FROM run_statistics WHERE run_id = ?");
    select.bind(1, id);
    if (!select.step())
        return std::nullopt;
    return select.columnText(0);
}

std::vector<RunSummary> Project::queryRuns(const std::string& where, std::int64_t id) {
    SqlStatement select = database_->prepare(
        "SELECT r.id, r.started_at, r.finished_at, r.duration, r.dt, r.seed, r.status, "
        "r.message, r.build_ms, r.simulate_ms, r.simulated_time, r.writer, "
        "(SELECT count(*) FROM monitors m WHERE m.run_id = r.id), "
        "(SELECT coalesce(sum(c.count), 0) FROM chunks c JOIN monitors m ON c.monitor_id = m.id "
        " WHERE m.run_id = r.id AND m.type = 'spike' AND c.format != 'spike_counts'), "
        "(SELECT count(*) FROM monitors m WHERE m.run_id = r.id AND m.type = 'spike') "
        "FROM runs r " +
        where + " ORDER BY r.id");
    if (!where.empty())
        select.bind(1, id);
    std::vector<RunSummary> runs;
    while (select.step()) {
        RunSummary& run = runs.emplace_back();
        run.id = select.columnInt(0);
        run.startedAt = select.columnText(1);
        run.finishedAt = select.columnText(2);
        run.duration = select.columnDouble(3);
        run.dt = select.columnDouble(4);
        run.seed = static_cast<std::uint32_t>(select.columnInt(5));
        run.status = parseRunStatus(select.columnText(6));
        run.message = select.columnText(7);
        run.buildMilliseconds = optionalDouble(select, 8);
        run.simulateMilliseconds = optionalDouble(select, 9);
        run.simulatedTime = select.columnDouble(10);
        if (run.status == RunStatus::Running && !ProcessIdentity::isAlive(select.columnText(11))) {
            run.status = RunStatus::Interrupted;
            run.message = "the program writing this run ended before the run finished";
        }
        run.monitorCount = select.columnInt(12);
        if (select.columnInt(14) > 0)
            run.spikeCount = select.columnInt(13);
    }
    return runs;
}

} // namespace spikestudio
