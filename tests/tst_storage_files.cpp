// Project files that must be refused or upgraded, never damaged: files of
// every earlier schema version open (and are upgraded); newer, foreign,
// truncated and corrupted files and read-only files are refused with a clear
// message and their bytes stay the same (checksums before and after).
#include "storage/Migrations.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/StorageError.h"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>
#include <sqlite3.h>
#include <sys/stat.h>

using namespace spikestudio;

namespace {

// ---- Fixtures: each schema version exactly as that version's app wrote it ----
// Adding schema version N means adding its fixture here (the test of the
// current version fails until then). Each fixture's data hold the same
// content: the model "fixture model", run 1 with spikes (0, step 10), (2, step 20).

const char* const kSchemaV1 = R"sql(
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
)sql";

const char* const kDataV1 = R"sql(
INSERT INTO project VALUES ('created_at', '2024-01-01T00:00:00.000Z'),
                           ('created_with', 'Spike Studio 0.1.0');
INSERT INTO model VALUES (1, 'fixture model', '{}', '2024-01-01T00:00:00.000Z');
INSERT INTO runs (id, started_at, finished_at, duration, dt, seed, model_json, status)
    VALUES (1, '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:02.000Z', 0.01, 0.0001, 7,
            'fixture model', 'finished');
INSERT INTO monitors VALUES (1, 1, 0, 'spikes', 'spike', 'G', 3, 0.0001);
INSERT INTO chunks VALUES (1, 1, 0, 2, 'spike_steps', X'000000000A0000000200000014000000');
)sql";

// Version 2: the chunks table rebuilt to accept spike_step_runs (as SQLite
// words the table after its rename); spikes (0, step 10), (2, step 20) in it.
const char* const kSchemaV2 = R"sql(
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
CREATE TABLE "chunks" (
    id         INTEGER PRIMARY KEY,
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    first      INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    format     TEXT NOT NULL
        CHECK (format IN ('spike_step_runs', 'spike_steps', 'spike_times', 'f64_rows')),
    data       BLOB NOT NULL,
    UNIQUE (monitor_id, first)
);
)sql";

const char* const kDataV2 = R"sql(
INSERT INTO project VALUES ('created_at', '2024-01-01T00:00:00.000Z'),
                           ('created_with', 'Spike Studio 0.1.0');
INSERT INTO model VALUES (1, 'fixture model', '{}', '2024-01-01T00:00:00.000Z');
INSERT INTO runs (id, started_at, finished_at, duration, dt, seed, model_json, status)
    VALUES (1, '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:02.000Z', 0.01, 0.0001, 7,
            'fixture model', 'finished');
INSERT INTO monitors VALUES (1, 1, 0, 'spikes', 'spike', 'G', 3, 0.0001);
INSERT INTO chunks VALUES (1, 1, 0, 2, 'spike_step_runs', X'0A01000A0102');
)sql";

// Version 3: parameter sweeps (a sweeps table; runs name their sweep, added
// with ALTER TABLE, as SQLite words it) and run statistics; the same run, not
// in a sweep, without statistics.
const char* const kSchemaV3 = R"sql(
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
, sweep_id INTEGER REFERENCES sweeps(id) ON DELETE SET NULL, sweep_variant INTEGER);
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
CREATE TABLE "chunks" (
    id         INTEGER PRIMARY KEY,
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    first      INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    format     TEXT NOT NULL
        CHECK (format IN ('spike_step_runs', 'spike_steps', 'spike_times', 'f64_rows')),
    data       BLOB NOT NULL,
    UNIQUE (monitor_id, first)
);
CREATE TABLE sweeps (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    specification TEXT NOT NULL,
    variants      INTEGER NOT NULL CHECK (variants >= 1),
    model_json    TEXT NOT NULL
);
CREATE INDEX runs_by_sweep ON runs (sweep_id, sweep_variant);
CREATE TABLE run_statistics (
    run_id          INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    statistics_json TEXT NOT NULL
);
)sql";

const char* const kDataV3 = R"sql(
INSERT INTO project VALUES ('created_at', '2024-01-01T00:00:00.000Z'),
                           ('created_with', 'Spike Studio 0.1.0');
INSERT INTO model VALUES (1, 'fixture model', '{}', '2024-01-01T00:00:00.000Z');
INSERT INTO runs (id, started_at, finished_at, duration, dt, seed, model_json, status)
    VALUES (1, '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:02.000Z', 0.01, 0.0001, 7,
            'fixture model', 'finished');
INSERT INTO monitors VALUES (1, 1, 0, 'spikes', 'spike', 'G', 3, 0.0001);
INSERT INTO chunks VALUES (1, 1, 0, 2, 'spike_step_runs', X'0A01000A0102');
)sql";

const char* const kSchemaV4 = R"sql(
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
, sweep_id INTEGER REFERENCES sweeps(id) ON DELETE SET NULL, sweep_variant INTEGER);
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
CREATE TABLE "chunks" (
    id         INTEGER PRIMARY KEY,
    monitor_id INTEGER NOT NULL REFERENCES monitors(id) ON DELETE CASCADE,
    first      INTEGER NOT NULL,
    count      INTEGER NOT NULL,
    format     TEXT NOT NULL CHECK (format IN
        ('spike_step_runs', 'spike_steps', 'spike_times', 'f64_rows', 'spike_counts')),
    data       BLOB NOT NULL,
    UNIQUE (monitor_id, first)
);
CREATE TABLE sweeps (
    id            INTEGER PRIMARY KEY,
    created_at    TEXT NOT NULL,
    specification TEXT NOT NULL,
    variants      INTEGER NOT NULL CHECK (variants >= 1),
    model_json    TEXT NOT NULL
);
CREATE INDEX runs_by_sweep ON runs (sweep_id, sweep_variant);
CREATE TABLE run_statistics (
    run_id          INTEGER PRIMARY KEY REFERENCES runs(id) ON DELETE CASCADE,
    statistics_json TEXT NOT NULL
);
)sql";

const char* const kDataV4 = R"sql(
INSERT INTO project VALUES ('created_at', '2024-01-01T00:00:00.000Z'),
                           ('created_with', 'Spike Studio 0.1.0');
INSERT INTO model VALUES (1, 'fixture model', '{}', '2024-01-01T00:00:00.000Z');
INSERT INTO runs (id, started_at, finished_at, duration, dt, seed, model_json, status)
    VALUES (1, '2024-01-01T00:00:01.000Z', '2024-01-01T00:00:02.000Z', 0.01, 0.0001, 7,
            'fixture model', 'finished');
INSERT INTO monitors VALUES (1, 1, 0, 'spikes', 'spike', 'G', 3, 0.0001);
INSERT INTO chunks VALUES (1, 1, 0, 2, 'spike_step_runs', X'0A01000A0102');
)sql";

struct SchemaFixture {
    int version;
    const char* schema;
    const char* data;
};

const SchemaFixture kFixtures[] = {
    {1, kSchemaV1, kDataV1},
    {2, kSchemaV2, kDataV2},
    {3, kSchemaV3, kDataV3},
    {4, kSchemaV4, kDataV4},
};

QByteArray checksum(const QString& path) {
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// Runs SQL on a file with SQLite directly, as another program (or an older app) would.
void rawSql(const QString& path, const std::string& sql) {
    sqlite3* db = nullptr;
    QCOMPARE(sqlite3_open(path.toUtf8().constData(), &db), SQLITE_OK);
    char* error = nullptr;
    const int code = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
    const QString message = error ? error : "";
    sqlite3_free(error);
    sqlite3_close(db);
    QVERIFY2(code == SQLITE_OK, qPrintable(message));
}

/// A project file of the fixture's version, as that version's app left it.
void writeFixture(const QString& path, const SchemaFixture& fixture) {
    rawSql(path, std::string(fixture.schema) + fixture.data +
                     "PRAGMA application_id = " + std::to_string(kApplicationId) +
                     "; PRAGMA user_version = " + std::to_string(fixture.version));
}

std::string collapseSpaces(const std::string& text) {
    std::string out;
    for (char c : text)
        if (!std::isspace(static_cast<unsigned char>(c)) || (!out.empty() && out.back() != ' '))
            out += std::isspace(static_cast<unsigned char>(c)) ? ' ' : c;
    return out;
}

std::string schemaOf(const QString& path) {
    sqlite3* db = nullptr;
    sqlite3_open_v2(path.toUtf8().constData(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* statement = nullptr;
    sqlite3_prepare_v2(db, "SELECT type, name, coalesce(sql, '') FROM sqlite_schema ORDER BY name",
                       -1, &statement, nullptr);
    std::string schema;
    while (sqlite3_step(statement) == SQLITE_ROW)
        for (int c = 0; c < 3; ++c)
            schema +=
                collapseSpaces(reinterpret_cast<const char*>(sqlite3_column_text(statement, c))) +
                "\n";
    sqlite3_finalize(statement);
    sqlite3_close(db);
    return schema;
}

} // namespace

class TestStorageFiles : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    int files_ = 0;

    QString newPath() { return dir_.filePath(QString("file%1.spikestudio").arg(files_++)); }

    /// A project with a saved model and a stored run.
    QString realProject() {
        const QString path = newPath();
        writeFixture(path, kFixtures[0]);
        Project project(path.toStdString());
        project.saveModel(std::string(20000, ' ') + "{}", "{}");
        return path;
    }

    /// Opening `path` either way must fail with a message containing `expected`
    /// and leave the file's bytes as they were.
    void expectRefused(const QString& path, const QString& expected) {
        const QByteArray before = checksum(path);
        for (ProjectAccess access : {ProjectAccess::ReadWrite, ProjectAccess::ReadOnly}) {
            try {
                Project project(path.toStdString(), access);
                QFAIL(qPrintable(path + " should have been refused"));
            } catch (const StorageError& error) {
                QVERIFY2(QString(error.what()).contains(expected),
                         qPrintable(QString("message: ") + error.what()));
                QVERIFY2(QString(error.what()).contains(path), "the message names the file");
            }
            QCOMPARE(checksum(path), before);
            QVERIFY2(!QFile::exists(path + "-wal"), "no journal is left beside a refused file");
        }
    }

private slots:
    void everyEarlierVersionOpens_data() {
        QTest::addColumn<int>("version");
        QTest::newRow("version 0 (an empty SQLite file)") << 0;
        for (const SchemaFixture& fixture : kFixtures)
            QTest::newRow(qPrintable(QString("version %1").arg(fixture.version)))
                << fixture.version;
    }

    void everyEarlierVersionOpens() {
        QFETCH(int, version);
        const QString path = newPath();
        if (version == 0) {
            rawSql(path, "CREATE TABLE t (x); DROP TABLE t; VACUUM");
        } else {
            writeFixture(path, kFixtures[version - 1]);
        }
        Project project(path.toStdString());
        QCOMPARE(project.schemaVersion(), currentSchemaVersion());
        if (version == 0) {
            QVERIFY(project.runs().empty());
            return;
        }
        QCOMPARE(project.model()->modelJson, std::string("fixture model"));
        const auto runs = project.runs();
        QCOMPARE(runs.size(), size_t(1));
        QCOMPARE(runs[0].status, RunStatus::Finished);
        QCOMPARE(runs[0].seed, 7u);
        const RunResults results = RunReader(project).read(1);
        QCOMPARE(results.spikes.size(), size_t(1));
        QCOMPARE(results.spikes[0].indices, (std::vector<std::int32_t>{0, 2}));
        QCOMPARE(results.spikes[0].times, (std::vector<double>{10 * 0.0001, 20 * 0.0001}));
        QCOMPARE(results.spikes[0].countPerNeuron, (std::vector<std::int64_t>{1, 0, 1}));
    }

    void theCurrentVersionMatchesItsFixture() {
        const SchemaFixture& last = kFixtures[std::size(kFixtures) - 1];
        QVERIFY2(last.version == currentSchemaVersion(),
                 "add a fixture for the new schema version to kFixtures");
        const QString fresh = newPath();
        Project(fresh.toStdString());
        const QString fixture = newPath();
        rawSql(fixture, last.schema);
        QCOMPARE(schemaOf(fresh), schemaOf(fixture));
    }

    void migratingStepByStepReachesEveryVersion() {
        const QString path = newPath();
        {
            Project project(path.toStdString());
            QCOMPARE(project.schemaVersion(), currentSchemaVersion());
        }
        QCOMPARE(int(migrations().size()), currentSchemaVersion());
        for (size_t k = 0; k < migrations().size(); ++k)
            QCOMPARE(migrations()[k].version, int(k) + 1);
    }

    void aNewerVersionIsRefusedUnchanged() {
        const QString path = realProject();
        rawSql(path, "PRAGMA user_version = " + std::to_string(currentSchemaVersion() + 1));
        expectRefused(path, "newer Spike Studio");
    }

    void aFileThatIsNotSqliteIsRefusedUnchanged() {
        const QString path = newPath();
        QFile file(path);
        file.open(QIODevice::WriteOnly);
        file.write(QByteArray("{\"format\": \"spikestudio-model\"}\n").repeated(300));
        file.close();
        expectRefused(path, "not an SQLite database");
    }

    void anotherProgramsDatabaseIsRefusedUnchanged() {
        const QString path = newPath();
        rawSql(path, "CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('Ada')");
        expectRefused(path, "not a Spike Studio project");
    }

    void aTruncatedProjectIsRefusedUnchanged() {
        const QString path = realProject();
        QFile file(path);
        const qint64 size = file.size();
        QVERIFY(size > 40000);
        file.resize(size / 2 + 100); // not even a whole number of pages
        expectRefused(path, "damaged");
    }

    void aCorruptedProjectIsRefusedUnchanged() {
        const QString path = realProject();
        QFile file(path);
        file.open(QIODevice::ReadWrite);
        QByteArray bytes = file.readAll();
        const int pageSize =
            (static_cast<unsigned char>(bytes[16]) << 8) | static_cast<unsigned char>(bytes[17]);
        for (qint64 page = 1; page * pageSize < bytes.size(); ++page)
            for (int k = 0; k < 12; ++k)
                bytes[page * pageSize + k] = static_cast<char>(0xA5 ^ k);
        file.seek(0);
        file.write(bytes);
        file.close();
        expectRefused(path, "damaged");
    }

    void aDamagedHeaderIsRefusedUnchanged() {
        const QString path = realProject();
        QFile file(path);
        file.open(QIODevice::ReadWrite);
        file.write("SQLite format 2");
        file.close();
        expectRefused(path, "not an SQLite database");
    }

    void aReadOnlyFileOpensOnlyForReading() {
        const QString path = realProject();
        QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::ReadGroup));
        const QByteArray before = checksum(path);
        try {
            Project project(path.toStdString());
            QFAIL("a read-only file must not open for writing");
        } catch (const StorageError& error) {
            QVERIFY2(QString(error.what()).contains("read-only"), error.what());
        }
        {
            Project project(path.toStdString(), ProjectAccess::ReadOnly);
            QCOMPARE(project.runs().size(), size_t(1));
            QCOMPARE(RunReader(project).read(1).spikes[0].indices.size(), size_t(2));
            QVERIFY_THROWS_EXCEPTION(StorageError, project.saveModel("{}", "{}"));
        }
        QCOMPARE(checksum(path), before);
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);
    }

    void aReadOnlyDirectoryOpensOnlyForReading() {
        const QString sub = dir_.filePath("readonly");
        QDir().mkpath(sub);
        const QString path = sub + "/project.spikestudio";
        QFile::copy(realProject(), path);
        const QByteArray before = checksum(path);
        QVERIFY(QFile::setPermissions(sub, QFile::ReadOwner | QFile::ExeOwner));
        for (const QString& target : {path, sub + "/new.spikestudio"}) {
            try {
                Project project(target.toStdString());
                QFAIL("a read-only directory must not be written to");
            } catch (const StorageError& error) {
                QVERIFY2(QString(error.what()).contains("read-only"), error.what());
            }
        }
        QVERIFY(!QFile::exists(sub + "/new.spikestudio"));
        {
            Project project(path.toStdString(), ProjectAccess::ReadOnly);
            QCOMPARE(project.model()->modelJson.size(), size_t(20002));
        }
        QCOMPARE(checksum(path), before);
        QFile::setPermissions(sub, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    }

    void aMissingFileIsNotCreatedForReading() {
        const QString path = newPath();
        QVERIFY_THROWS_EXCEPTION(StorageError,
                                 Project(path.toStdString(), ProjectAccess::ReadOnly));
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_GUILESS_MAIN(TestStorageFiles)
#include "tst_storage_files.moc"
