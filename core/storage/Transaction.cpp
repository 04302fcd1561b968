#include "storage/Transaction.h"

#include "storage/Database.h"

#include <sqlite3.h>

namespace spikestudio {

Transaction::Transaction(Database& database) : database_(database) {
    // IMMEDIATE takes the write lock now, so a busy project fails here, not mid-way.
    database_.execute("BEGIN IMMEDIATE", "cannot start writing to the project");
}

Transaction::~Transaction() {
    // SQLite may already have rolled back (after SQLITE_FULL, for one); then
    // autocommit is on again and there is nothing left to undo.
    if (open_ && !sqlite3_get_autocommit(database_.handle()))
        sqlite3_exec(database_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    database_.execute("COMMIT", "cannot store the changes");
    open_ = false;
}

} // namespace spikestudio
