#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace spikestudio {

class Database;

/// A prepared statement (RAII). Binding is 1-based, columns 0-based, as in SQLite.
class SqlStatement {
public:
    SqlStatement(Database& database, std::string_view sql);
    ~SqlStatement();
    SqlStatement(SqlStatement&& other) noexcept;
    SqlStatement(const SqlStatement&) = delete;
    SqlStatement& operator=(const SqlStatement&) = delete;
    SqlStatement& operator=(SqlStatement&&) = delete;

    SqlStatement& bind(int index, std::int64_t value);
    SqlStatement& bind(int index, double value);
    SqlStatement& bind(int index, std::string_view text);
    SqlStatement& bind(int index, const char* text) { return bind(index, std::string_view(text)); }
    SqlStatement& bindBlob(int index, std::span<const std::byte> bytes);
    SqlStatement& bindNull(int index);

    /// Advances: true when a row is ready, false when done.
    bool step();
    /// Steps a statement that returns no rows, then resets it for reuse.
    void run();
    /// Makes the statement ready to run again (bindings are kept).
    void reset();

    /// Columns in the rows the statement returns.
    int columnCount() const;
    bool isNull(int column) const;
    std::int64_t columnInt(int column) const;
    double columnDouble(int column) const;
    std::string columnText(int column) const;
    std::span<const std::byte> columnBlob(int column) const;

private:
    void check(int code, std::string_view action) const;

    Database* database_;
    sqlite3_stmt* statement_ = nullptr;
};

} // namespace spikestudio
