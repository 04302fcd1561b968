#include "storage/Database.h"

#include "storage/LockHolder.h"
#include "storage/LockTimeout.h"
#include "storage/SqlStatement.h"
#include "storage/StorageError.h"

#include <algorithm>
#include <cstdio>
#include <sqlite3.h>
#include <thread>

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

void Database::execute(const std::string& sql, std::string_view action) {
    char* message = nullptr;
    const int code = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &message);
    sqlite3_free(message);
    if (code != SQLITE_OK)
        fail(code, action.empty() ? "cannot run '" + sql.substr(0, 60) + "'" : std::string(action));
}

void Database::setBusyTimeout(std::chrono::milliseconds timeout) {
    busyTimeout_ = timeout;
    sqlite3_busy_handler(db_, &Database::onBusy, this);
}

/// SQLite's busy handler: `attempt` counts from 0 for each lock it waits for.
/// Returns nonzero to try again.
int Database::onBusy(void* self, int attempt) {
    using namespace std::chrono;
    auto& database = *static_cast<Database*>(self);
    const auto now = steady_clock::now();
    if (attempt == 0)
        database.busySince_ = now;
    database.waited_ = duration_cast<milliseconds>(now - database.busySince_);
    const milliseconds left = database.busyTimeout_ - database.waited_;
    if (left <= milliseconds(0))
        return 0;
    if (database.lockWaitObserver_ && attempt % 10 == 0)
        database.lockWaitObserver_(database.waited_);
    // Short sleeps first: most locks are released within milliseconds.
    std::this_thread::sleep_for(std::min({milliseconds(1 + attempt), milliseconds(10), left}));
    return 1;
}

/// "the project is locked by another program (process 4242 (sqlite3) holds
/// its lock; waited 30 s, see SPIKESTUDIO_LOCK_TIMEOUT)".
std::string Database::describeLock() const {
    const char* file = db_ ? sqlite3_db_filename(db_, "main") : nullptr;
    const std::string holder = file && *file ? LockHolder::describe(file) : "";
    const auto seconds = std::chrono::duration<double>(busyTimeout_).count();
    char waited[32];
    std::snprintf(waited, sizeof waited, "%g s", seconds);
    return StorageError::explain(SQLITE_BUSY) + " (" +
           (holder.empty() ? "" : holder + " holds its lock; ") + "gave up after waiting " +
           waited + ", see " + LockTimeout::kVariable + ")";
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
    if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
        throw StorageError(name_ + ": " + std::string(action) + ": " + describeLock(), extended);
    std::string message = name_ + ": " + std::string(action) + ": " + StorageError::explain(code);
    const char* detail = db_ ? sqlite3_errmsg(db_) : nullptr;
    if (detail && StorageError::explain(code) != detail)
        message += " (" + std::string(detail) + ")";
    throw StorageError(message, extended);
}

} // namespace spikestudio
