#include "storage/SweepStore.h"

#include "storage/SqlStatement.h"
#include "storage/StorageError.h"
#include "storage/Transaction.h"

namespace spikestudio {
namespace {

constexpr int kFirstVersionWithSweeps = 3;

} // namespace

bool SweepStore::hasSweeps() {
    return project_.schemaVersion() >= kFirstVersionWithSweeps;
}

std::int64_t SweepStore::create(const std::string& specification, std::int64_t variants,
                                const std::string& modelJson) {
    if (!hasSweeps())
        throw StorageError(project_.path() + ": the project was opened read-only in a version "
                                             "without sweeps");
    Database& database = project_.database();
    Transaction transaction(database);
    database
        .prepare("INSERT INTO sweeps (created_at, specification, variants, model_json) "
                 "VALUES (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), ?, ?, ?)")
        .bind(1, specification)
        .bind(2, variants)
        .bind(3, modelJson)
        .run();
    const std::int64_t id = database.lastInsertId();
    transaction.commit();
    return id;
}

std::int64_t SweepStore::findOrCreate(const std::string& specification, std::int64_t variants,
                                      const std::string& modelJson) {
    if (hasSweeps()) {
        SqlStatement select = project_.database().prepare(
            "SELECT id FROM sweeps WHERE specification = ? AND variants = ? AND model_json = ? "
            "ORDER BY id LIMIT 1");
        select.bind(1, specification).bind(2, variants).bind(3, modelJson);
        if (select.step())
            return select.columnInt(0);
    }
    return create(specification, variants, modelJson);
}

std::vector<SweepSummary> SweepStore::sweeps() {
    return hasSweeps() ? query("", 0) : std::vector<SweepSummary>{};
}

SweepSummary SweepStore::sweep(std::int64_t id) {
    std::vector<SweepSummary> found =
        hasSweeps() ? query("WHERE s.id = ?", id) : std::vector<SweepSummary>{};
    if (found.empty())
        throw StorageError(project_.path() + ": there is no sweep " + std::to_string(id));
    return found.front();
}

std::vector<SweepRunEntry> SweepStore::runsOf(std::int64_t id) {
    sweep(id);
    SqlStatement select = project_.database().prepare(
        "SELECT sweep_variant, id FROM runs WHERE sweep_id = ? ORDER BY sweep_variant, id");
    select.bind(1, id);
    std::vector<SweepRunEntry> runs;
    while (select.step())
        runs.push_back({select.columnInt(0), select.columnInt(1)});
    return runs;
}

std::string SweepStore::model(std::int64_t id) {
    sweep(id);
    SqlStatement select = project_.database().prepare("SELECT model_json FROM sweeps WHERE id = ?");
    select.bind(1, id);
    select.step();
    return select.columnText(0);
}

std::vector<SweepSummary> SweepStore::query(const std::string& where, std::int64_t id) {
    SqlStatement select = project_.database().prepare(
        "SELECT s.id, s.created_at, s.specification, s.variants, "
        "(SELECT count(*) FROM runs r WHERE r.sweep_id = s.id) FROM sweeps s " +
        where + " ORDER BY s.id");
    if (!where.empty())
        select.bind(1, id);
    std::vector<SweepSummary> sweeps;
    while (select.step())
        sweeps.push_back({select.columnInt(0), select.columnText(1), select.columnText(2),
                          select.columnInt(3), select.columnInt(4)});
    return sweeps;
}

} // namespace spikestudio
