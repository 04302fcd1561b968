#pragma once

#include <cstdint>
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

    /// Runs one or more statements that return no rows of interest.
    void execute(const std::string& sql);
    SqlStatement prepare(std::string_view sql);

    /// The value of a pragma (or any one-value query).
    std::int64_t queryInt(std::string_view sql);
    std::string queryText(std::string_view sql);

    std::int64_t lastInsertId() const;
    const std::string& name() const { return name_; }
    sqlite3* handle() const { return db_; }

    /// Throws StorageError for result code `code` while doing `action`.
    [[noreturn]] void fail(int code, std::string_view action) const;

private:
    sqlite3* db_ = nullptr;
    std::string name_;
};

} // namespace spikestudio
