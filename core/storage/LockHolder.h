#pragma once

#include <string>

namespace spikestudio {

/// Who holds the lock that keeps a project busy, for the message a user
/// reads: "process 4242 (sqlite3)". Read from /proc/locks, so the database
/// files are never opened (closing a descriptor would drop this process's
/// own SQLite locks). Best effort: "" when no other process is found (the
/// holder is another connection of this process, or /proc is missing).
class LockHolder {
public:
    /// `databasePath`: the main database file; its `-shm` file holds the
    /// write-ahead log's locks.
    static std::string describe(const std::string& databasePath);
};

} // namespace spikestudio
