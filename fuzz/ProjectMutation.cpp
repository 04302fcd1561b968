#include "ProjectMutation.h"

#include "storage/Database.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"

#include <cmath>
#include <limits>
#include <variant>
#include <vector>

namespace spikestudio::fuzz {

namespace {

struct Table {
    const char* name;
    std::vector<const char*> columns;
};

// Schema version 2 (core/storage/Migrations.cpp).
const std::vector<Table> kTables = {
    {"project", {"key", "value"}},
    {"model", {"id", "model_json", "layout_json", "saved_at"}},
    {"runs",
     {"id", "started_at", "finished_at", "duration", "dt", "seed", "model_json", "status",
      "message", "build_ms", "simulate_ms", "simulated_time", "writer"}},
    {"monitors", {"id", "run_id", "position", "name", "type", "source", "source_size", "dt"}},
    {"monitor_columns", {"monitor_id", "position", "variable", "element", "unit", "dimension"}},
    {"chunks", {"id", "monitor_id", "first", "count", "format", "data"}},
};

const std::vector<const char*> kSchemaChanges = {
    "DROP TABLE chunks",
    "DROP TABLE monitor_columns",
    "DROP TABLE monitors",
    "DROP TABLE runs",
    "DROP TABLE model",
    "DROP TABLE project",
    "ALTER TABLE runs RENAME COLUMN seed TO seed_",
    "ALTER TABLE chunks RENAME COLUMN data TO data_",
    "ALTER TABLE monitors ADD COLUMN extra TEXT",
    "DROP TABLE chunks; CREATE VIEW chunks AS SELECT 1 AS monitor_id, 0 AS first, 1 AS count, "
    "'spike_times' AS format, x'00' AS data",
    "CREATE TRIGGER t AFTER UPDATE ON runs BEGIN SELECT 1; END",
    "PRAGMA application_id = 0",
};

const std::vector<const char*> kWords = {
    "spike_step_runs",
    "spike_steps",
    "spike_times",
    "f64_rows",
    "spike",
    "state",
    "rate",
    "running",
    "finished",
    "stopped",
    "failed",
    "interrupted",
    "[0,0,0,0,0,0,0]",
    "[2,1,-3,-1,0,0,0]",
    "[1e308,0,0,0,0,0,-1e308]",
    "",
    "../escape",
    "/tmp/absolute",
    "a\nb",
    "{}",
    "{\"format\": \"spikestudio-model\", \"version\": 1}",
};

const std::vector<double> kNumbers = {
    0.0,
    -0.0,
    1.0,
    -1.0,
    1e-4,
    1e308,
    -1e308,
    5e-324,
    2147483648.0,
    9.3e18,
    std::numeric_limits<double>::infinity(),
    -std::numeric_limits<double>::infinity(),
    std::numeric_limits<double>::quiet_NaN(),
};

const std::vector<std::int64_t> kIntegers = {
    0,
    1,
    -1,
    2,
    3,
    2147483647,
    2147483648,
    -2147483649,
    std::numeric_limits<std::int64_t>::max(),
    std::numeric_limits<std::int64_t>::min(),
};

struct Null {};
using Value = std::variant<Null, std::int64_t, double, std::string, std::vector<std::byte>>;

template <typename T> const T& pick(const std::vector<T>& list, FuzzBytes& bytes) {
    return list[bytes.choice(list.size())];
}

std::vector<std::byte> blob(FuzzBytes& bytes) {
    const std::string text = bytes.text(bytes.value<std::uint16_t>() % 4097);
    const auto* begin = reinterpret_cast<const std::byte*>(text.data());
    return {begin, begin + text.size()};
}

Value value(FuzzBytes& bytes) {
    switch (bytes.choice(9)) {
    case 0:
        return Null{};
    case 1:
        return bytes.value<std::int64_t>();
    case 2:
        return static_cast<std::int64_t>(static_cast<std::int8_t>(bytes.byte()));
    case 3:
        return bytes.value<double>();
    case 4:
        return bytes.shortText();
    case 5:
        return blob(bytes);
    case 6:
        return std::string(pick(kWords, bytes));
    case 7:
        return pick(kNumbers, bytes);
    default:
        return pick(kIntegers, bytes);
    }
}

void bind(SqlStatement& statement, int index, const Value& v) {
    if (std::holds_alternative<Null>(v))
        statement.bindNull(index);
    else if (const auto* i = std::get_if<std::int64_t>(&v))
        statement.bind(index, *i);
    else if (const auto* d = std::get_if<double>(&v))
        statement.bind(index, *d);
    else if (const auto* s = std::get_if<std::string>(&v))
        statement.bind(index, std::string_view(*s));
    else
        statement.bindBlob(index, std::get<std::vector<std::byte>>(v));
}

/// `rowid` of the table's row number `row` (modulo the row count), as SQL.
std::string rowOf(const Table& table) {
    return std::string("(SELECT rowid FROM ") + table.name + " ORDER BY rowid LIMIT 1 OFFSET ? % " +
           "max(1, (SELECT count(*) FROM " + table.name + ")))";
}

void updateCell(Database& database, FuzzBytes& bytes) {
    const Table& table = pick(kTables, bytes);
    const std::int64_t row = bytes.byte();
    const char* column = pick(table.columns, bytes);
    const Value cell = value(bytes); // bound without a copy: it must outlive run()
    SqlStatement update = database.prepare(std::string("UPDATE ") + table.name + " SET " + column +
                                           " = ? WHERE rowid = " + rowOf(table));
    bind(update, 1, cell);
    update.bind(2, row).run();
}

void deleteRow(Database& database, FuzzBytes& bytes) {
    const Table& table = pick(kTables, bytes);
    database.prepare(std::string("DELETE FROM ") + table.name + " WHERE rowid = " + rowOf(table))
        .bind(1, static_cast<std::int64_t>(bytes.byte()))
        .run();
}

/// A copy of a row with a new rowid (tables keyed by `id` get a fresh one).
void copyRow(Database& database, FuzzBytes& bytes) {
    const Table& table = pick(kTables, bytes);
    std::string columns;
    for (const char* column : table.columns)
        if (std::string(column) != "id")
            columns += std::string(columns.empty() ? "" : ", ") + column;
    database
        .prepare(std::string("INSERT INTO ") + table.name + " (" + columns + ") SELECT " + columns +
                 " FROM " + table.name + " WHERE rowid = " + rowOf(table))
        .bind(1, static_cast<std::int64_t>(bytes.byte()))
        .run();
}

void insertChunk(Database& database, FuzzBytes& bytes) {
    SqlStatement insert = database.prepare(
        "INSERT INTO chunks (monitor_id, first, count, format, data) VALUES ((SELECT id FROM "
        "monitors ORDER BY id LIMIT 1 OFFSET ? % max(1, (SELECT count(*) FROM monitors))), ?, ?, "
        "?, ?)");
    const std::int64_t monitor = bytes.byte();
    const Value first = value(bytes), count = value(bytes);
    const char* format = pick(kWords, bytes);
    const std::vector<std::byte> data = blob(bytes);
    insert.bind(1, monitor);
    bind(insert, 2, first);
    bind(insert, 3, count);
    insert.bind(4, format).bindBlob(5, data).run();
}

void step(Database& database, FuzzBytes& bytes) {
    switch (bytes.choice(6)) {
    case 0:
        return updateCell(database, bytes);
    case 1:
        return deleteRow(database, bytes);
    case 2:
        return copyRow(database, bytes);
    case 3:
        return insertChunk(database, bytes);
    case 4:
        return database.execute("PRAGMA user_version = " + std::to_string(bytes.choice(4)));
    default:
        return database.execute(pick(kSchemaChanges, bytes));
    }
}

} // namespace

void mutateProject(const std::string& path, FuzzBytes& bytes) {
    Database database(path, Database::Mode::ReadWrite);
    database.execute("PRAGMA ignore_check_constraints = ON; PRAGMA synchronous = OFF");
    while (!bytes.empty()) {
        try {
            step(database, bytes);
        } catch (const StorageError&) {
        }
    }
}

} // namespace spikestudio::fuzz
