#include "storage/Database.h"

#include "storage/SqlStatement.h"
#include "storage/StorageError.h"

#include <sqlite3.h>

namespace spikestudio {

namespace {

int openFlags(Database::Mode mode) {
    switch (mode) {
    case Database::Mode::ReadOnly:
        return SQLITE_OPEN_READONLY;
    case Database::Mode::ReadWrite:
        return SQLITE_OPEN_READWRITE;
    case Database::Mode::ReadWriteCreate:
        break;
    }
    return SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
}

} // namespace

Database::Database(const std::string& path, Mode mode, bool uri, std::string displayName)
    : name_(displayName.empty() ? path : std::move(displayName)) {
    const int flags = openFlags(mode) | SQLITE_OPEN_NOMUTEX | (uri ? SQLITE_OPEN_URI : 0);
    const int code = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (code != SQLITE_OK) {
        const int extended = db_ ? sqlite3_extended_errcode(db_) : code;
        sqlite3_close_v2(db_);
        db_ = nullptr;
        throw StorageError(name_ + ": cannot open the project: " + StorageError::explain(extended),
                           extended);
    }
    sqlite3_extended_result_codes(db_, 1);
}

Database::~Database() {
    // close_v2 never fails for lack of finalized statements; RAII finalizes them anyway.
    sqlite3_close_v2(db_);
}

void Database::execute(const std::string& sql) {
    char* message = nullptr;
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (code != SQLITE_OK)
        fail(code, "cannot run '" + sql.substr(0, 60) + "'");
}

SqlStatement Database::prepare(std::string_view sql) {
    return SqlStatement(*this, sql);
}

std::int64_t Database::queryInt(std::string_view sql) {
    SqlStatement statement(*this, sql);
    if (!statement.step())
        throw StorageError(name_ + ": '" + std::string(sql) + "' returned no value");
    return statement.columnInt(0);
}

std::string Database::queryText(std::string_view sql) {
    SqlStatement statement(*this, sql);
    if (!statement.step())
        throw StorageError(name_ + ": '" + std::string(sql) + "' returned no value");
    return statement.columnText(0);
}

std::int64_t Database::lastInsertId() const {
    return sqlite3_last_insert_rowid(db_);
}

void Database::fail(int code, std::string_view action) const {
    const int extended = db_ ? sqlite3_extended_errcode(db_) : code;
    std::string message = name_ + ": " + std::string(action) + ": " + StorageError::explain(code);
    const char* detail = db_ ? sqlite3_errmsg(db_) : nullptr;
    if (detail && StorageError::explain(code) != detail)
        message += " (" + std::string(detail) + ")";
    throw StorageError(message, extended);
}

} // namespace spikestudio
