#include "storage/SqlStatement.h"

#include "storage/Database.h"

#include <sqlite3.h>

namespace spikestudio {

SqlStatement::SqlStatement(Database& database, std::string_view sql) : database_(&database) {
    const int code = sqlite3_prepare_v2(database.handle(), sql.data(), static_cast<int>(sql.size()),
                                        &statement_, nullptr);
    if (code != SQLITE_OK)
        database.fail(code, "cannot prepare '" + std::string(sql.substr(0, 60)) + "'");
}

SqlStatement::~SqlStatement() {
    sqlite3_finalize(statement_);
}

SqlStatement::SqlStatement(SqlStatement&& other) noexcept
    : database_(other.database_), statement_(other.statement_) {
    other.statement_ = nullptr;
}

void SqlStatement::check(int code, std::string_view action) const {
    if (code != SQLITE_OK)
        database_->fail(code, action);
}

SqlStatement& SqlStatement::bind(int index, std::int64_t value) {
    check(sqlite3_bind_int64(statement_, index, value), "cannot bind a value");
    return *this;
}

SqlStatement& SqlStatement::bind(int index, double value) {
    check(sqlite3_bind_double(statement_, index, value), "cannot bind a value");
    return *this;
}

SqlStatement& SqlStatement::bind(int index, std::string_view text) {
    check(sqlite3_bind_text64(statement_, index, text.data(), text.size(), SQLITE_TRANSIENT,
                              SQLITE_UTF8),
          "cannot bind a text");
    return *this;
}

SqlStatement& SqlStatement::bindBlob(int index, std::span<const std::byte> bytes) {
    // SQLITE_STATIC: the caller keeps the bytes alive until the statement has run.
    check(sqlite3_bind_blob64(statement_, index, bytes.data(), bytes.size(), SQLITE_STATIC),
          "cannot bind a blob");
    return *this;
}

SqlStatement& SqlStatement::bindNull(int index) {
    check(sqlite3_bind_null(statement_, index), "cannot bind a value");
    return *this;
}

bool SqlStatement::step() {
    const int code = sqlite3_step(statement_);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    sqlite3_reset(statement_);
    database_->fail(code,
                    "cannot run '" + std::string(sqlite3_sql(statement_)).substr(0, 60) + "'");
}

void SqlStatement::run() {
    while (step()) {
    }
    reset();
}

void SqlStatement::reset() {
    check(sqlite3_reset(statement_), "cannot reset a statement");
}

bool SqlStatement::isNull(int column) const {
    return sqlite3_column_type(statement_, column) == SQLITE_NULL;
}

std::int64_t SqlStatement::columnInt(int column) const {
    return sqlite3_column_int64(statement_, column);
}

double SqlStatement::columnDouble(int column) const {
    return sqlite3_column_double(statement_, column);
}

int SqlStatement::columnCount() const {
    return sqlite3_column_count(statement_);
}

std::string SqlStatement::columnText(int column) const {
    const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(statement_, column));
    const int size = sqlite3_column_bytes(statement_, column);
    return text ? std::string(text, static_cast<size_t>(size)) : std::string();
}

std::span<const std::byte> SqlStatement::columnBlob(int column) const {
    const auto* data = static_cast<const std::byte*>(sqlite3_column_blob(statement_, column));
    const int size = sqlite3_column_bytes(statement_, column);
    return data ? std::span<const std::byte>(data, static_cast<size_t>(size))
                : std::span<const std::byte>();
}

} // namespace spikestudio
