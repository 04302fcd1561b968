#pragma once

namespace spikestudio {

class Database;

/// BEGIN IMMEDIATE ... COMMIT (RAII): rolls back unless commit() succeeded, so
/// a failure half-way (a full disk, a broken rule) leaves the file as it was.
class Transaction {
public:
    explicit Transaction(Database& database);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    void commit();

private:
    Database& database_;
    bool open_ = true;
};

} // namespace spikestudio
