#include "storage/Migrations.h"

#include "storage/Database.h"
#include "storage/StorageError.h"
#include "storage/Transaction.h"

namespace spikestudio {

namespace {

/// Version 1: metadata, the model, runs, their monitors and result chunks.
/// docs/project-file.md describes every table and blob format.
void createVersion1(Database& database) {
    database.execute(R"sql(
CREATE TABLE project (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE model (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    model_json  TEXT NOT NULL,
    layout_json TEXT NOT NULL,
    saved_at    TEXT NOT NULL
);
CREATE TABLE runs (
    id             INTEGER PRIMARY KEY,
    started_at     TEXT NOT NULL,
    finished_at    TEXT,
    duration       REAL NOT NULL,
    dt             REAL NOT NULL,
    seed           INTEGER NOT NULL,
    model_json     TEXT NOT NULL,
    status         TEXT NOT NULL
        CHECK (status IN ('running', 'finished', 'stopped', 'failed', 'interrupted')),
    message        TEXT NOT NULL DEFAULT '',
    build_ms       REAL,
    simulate_ms    REAL,
    simulated_time REAL NOT NULL DEFAULT 0,
    writer         TEXT NOT NULL DEFAULT ''
);
CREATE TABLE monitors (
    id          INTEGER PRIMARY KEY,
    run_id      INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
    position    INTEGER NOT NULL,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL CHECK (type IN ('spike', 'state', 'rate')),
    source      TEXT NOT NULL,
    source_size INTEGER NOT NULL,
    dt          REAL NOT NULL,
    UNIQUE (run_id, name)
);
CREATE TABLE monitor_columns (
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL,
    variable   TEXT NOT NULL,
    element    INTEGER NOT NULL,
    unit       TEXT NOT NULL,
    dimension  TEXT NOT NULL,
    PRIMARY KEY (monitor_id, position)
);
CREATE TABLE chunks (
    id         INTEGER PRIMARY KEY,
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    first      INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    format     TEXT NOT NULL CHECK (format IN ('spike_steps', 'spike_times', 'f64_rows')),
    data       BLOB NOT NULL,
    UNIQUE (monitor_id, first)
);
)sql");
    database.execute("INSERT INTO project (key, value) VALUES "
                     "('created_at', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')), "
                     "('created_with', 'Spike Studio " SPIKESTUDIO_VERSION "')");
}

/// Version 2: spikes stored as runs of one time step (spike_step_runs), about
/// three bytes per spike instead of eight. SQLite cannot change a CHECK
/// constraint in place, so the chunks table is rebuilt with its rows.
void migrateToVersion2(Database& database) {
    database.execute(R"sql(
CREATE TABLE chunks_v2 (
    id         INTEGER PRIMARY KEY,
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    first      INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    format     TEXT NOT NULL
        CHECK (format IN ('spike_step_runs', 'spike_steps', 'spike_times', 'f64_rows')),
    data       BLOB NOT NULL,
    UNIQUE (monitor_id, first)
);
INSERT INTO chunks_v2 SELECT id, monitor_id, first, count, format, data FROM chunks;
DROP TABLE chunks;
ALTER TABLE chunks_v2 RENAME TO chunks;
)sql");
}

/// Version 3: parameter sweeps and run statistics. A sweep keeps its
/// specification and base model; each of its runs is an ordinary run that
/// names its sweep and its place in it (deleting a sweep leaves its runs,
/// unlinked). A run's statistics are computed once when it ends.
void migrateToVersion3(Database& database) {
    database.execute(R"sql(
CREATE TABLE sweeps (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    specification TEXT NOT NULL,
    variants      INTEGER NOT NULL CHECK (variants >= 1),
    model_json    TEXT NOT NULL
);
ALTER TABLE runs ADD COLUMN sweep_id INTEGER REFERENCES sweeps(id) ON DELETE SET NULL;
ALTER TABLE runs ADD COLUMN sweep_variant INTEGER;
CREATE INDEX runs_by_sweep ON runs (sweep_id, sweep_variant);
CREATE TABLE run_statistics (
    run_id          INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    statistics_json TEXT NOT NULL
);
)sql");
}

/// Version 4: spike_counts chunks, the counts of a monitor that counts
/// events without recording them (`"record": false`); the chunks table is
/// rebuilt for its CHECK constraint, as in version 2.
void migrateToVersion4(Database& database) {
    database.execute(R"sql(
CREATE TABLE chunks_v4 (
    id         INTEGER PRIMARY KEY,
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    first      INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    format     TEXT NOT NULL CHECK (format IN
        ('spike_step_runs', 'spike_steps', 'spike_times', 'f64_rows', 'spike_counts')),
    data       BLOB NOT NULL,
    UNIQUE (monitor_id, first)
);
INSERT INTO chunks_v4 SELECT id, monitor_id, first, count, format, data FROM chunks;
DROP TABLE chunks;
ALTER TABLE chunks_v4 RENAME TO chunks;
)sql");
}

const std::vector<Migration> kMigrations = {
    {1, "metadata, model, runs, monitors and result chunks", createVersion1},
    {2, "compact spike chunks (spike_step_runs)", migrateToVersion2},
    {3, "parameter sweeps and run statistics", migrateToVersion3},
    {4, "spike counts without events (spike_counts)", migrateToVersion4},
};

} // namespace

const std::vector<Migration>& migrations() {
    return kMigrations;
}

int currentSchemaVersion() {
    return static_cast<int>(kMigrations.size());
}

void migrate(Database& database, int target) {
    for (const Migration& step : kMigrations) {
        if (step.version > target)
            break;
        if (step.version <= database.queryInt("PRAGMA user_version"))
            continue;
        Transaction transaction(database);
        step.apply(database);
        database.execute("PRAGMA application_id = " + std::to_string(kApplicationId) +
                         "; PRAGMA user_version = " + std::to_string(step.version));
        transaction.commit();
    }
}

} // namespace spikestudio
