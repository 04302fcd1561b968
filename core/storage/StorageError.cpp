#include "storage/StorageError.h"

#include <sqlite3.h>

namespace spikestudio {

std::string StorageError::explain(int sqliteCode) {
    switch (sqliteCode & 0xff) {
    case SQLITE_FULL:
        return "the disk is full (this change was not stored; the project keeps what it held "
               "before)";
    case SQLITE_READONLY:
        return "the project is read-only";
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return "permission denied";
    case SQLITE_CANTOPEN:
        return "the file cannot be opened (missing, a directory, or not accessible)";
    case SQLITE_NOTADB:
        return "the file is not an SQLite database";
    case SQLITE_CORRUPT:
        return "the file is corrupt";
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return "the project is locked by another program";
    case SQLITE_IOERR:
        return "an input/output error occurred";
    case SQLITE_NOMEM:
        return "out of memory";
    case SQLITE_TOOBIG:
        return "a value is too large to store";
    case SQLITE_CONSTRAINT:
        return "the data break a rule of the project's schema";
    default:
        return sqlite3_errstr(sqliteCode);
    }
}

} // namespace spikestudio
