#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

struct sqlite3;

namespace spikestudio {

class SqlStatement;

/// One SQLite connection (RAII). Every failing call throws StorageError with
/// the file's name, what was being done and what the result code means.
class Database {
public:
    enum class Mode { ReadOnly, ReadWrite, ReadWriteCreate };

    /// Opens `path` (a plain path, or a `file:` URI when `uri` is set).
    /// `displayName` is the name errors use (the path when empty).
    Database(const std::string& path, Mode mode, bool uri = false, std::string displayName = {});
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    /// Runs one or more statements that return no rows of interest; errors
    /// say `action` ("cannot run '<sql>'" when empty).
    void execute(const std::string& sql, std::string_view action = {});
    SqlStatement prepare(std::string_view sql);

    /// The value of a pragma (or any one-value query).
    std::int64_t queryInt(std::string_view sql);
    std::string queryText(std::string_view sql);

    /// How long a statement waits for a lock another connection holds before
    /// it fails with SQLITE_BUSY (0: fails at once).
    void setBusyTimeout(std::chrono::milliseconds timeout);
    /// Called (on the waiting thread) about every 100 ms while a statement
    /// waits for a lock, with the time waited so far.
    using LockWaitObserver = std::function<void(std::chrono::milliseconds waited)>;
    void setLockWaitObserver(LockWaitObserver observer) { lockWaitObserver_ = std::move(observer); }

    std::int64_t lastInsertId() const;
    const std::string& name() const { return name_; }
    sqlite3* handle() const { return db_; }

    /// Throws StorageError for result code `code` while doing `action`.
    [[noreturn]] void fail(int code, std::string_view action) const;

private:
    static int onBusy(void* self, int attempt);
    std::string describeLock() const;

    sqlite3* db_ = nullptr;
    std::string name_;
    std::chrono::milliseconds busyTimeout_{0};
    std::chrono::steady_clock::time_point busySince_;
    std::chrono::milliseconds waited_{0};
    LockWaitObserver lockWaitObserver_;
};

} // namespace spikestudio
