#pragma once

#include "diagnostics/UserError.h"

#include <string>

namespace spikestudio {

/// A project file could not be opened, read or written. The message names the
/// file and says what went wrong in words a user can act on.
class StorageError : public UserError {
public:
    StorageError(const std::string& message, int sqliteCode = 0)
        : UserError(message), sqliteCode_(sqliteCode) {}

    /// The SQLite result code behind the error (extended), 0 when not from SQLite.
    int sqliteCode() const { return sqliteCode_; }

    /// What an SQLite result code means for the user ("the disk is full", ...).
    static std::string explain(int sqliteCode);

private:
    int sqliteCode_;
};

} // namespace spikestudio
