#pragma once

#include "storage/Database.h"
#include "storage/ProjectAccess.h"
#include "storage/RunSummary.h"
#include "storage/StoredModel.h"

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// A `.spikestudio` project file: one SQLite database holding the model, its
/// layout and every run with its results (docs/project-file.md). Opening
/// refuses foreign, damaged and newer files without changing them; see
/// ProjectOpener. Errors are StorageError. Not thread-safe: one thread at a time.
class Project {
public:
    /// ReadWrite creates a missing project and upgrades an older one.
    explicit Project(const std::string& path, ProjectAccess access = ProjectAccess::ReadWrite);

    /// Opens the project at `path` for writing. One that does not exist yet
    /// is created already holding the model, all at once (a failure, a full
    /// disk for one, leaves no file); an existing project without a model
    /// takes this one, one with a model keeps its own.
    static Project openOrCreate(const std::string& path, const std::string& modelJson,
                                const std::string& layoutJson = "{}");

    const std::string& path() const { return path_; }
    ProjectAccess access() const { return access_; }
    int schemaVersion();

    /// Project metadata (created_at, created_with, written_with, ...).
    std::map<std::string, std::string> metadata();

    /// Replaces the model in one durable transaction: when it fails (a full
    /// disk, a read-only file) the previous model is still there.
    void saveModel(const std::string& modelJson, const std::string& layoutJson = "{}");
    /// The model last saved; nothing when none was.
    std::optional<StoredModel> model();

    /// Every run, oldest first. A run stored as running whose writer process
    /// is gone is reported Interrupted.
    std::vector<RunSummary> runs();
    /// Throws StorageError when there is no run `id`.
    RunSummary run(std::int64_t id);
    /// Deletes a run with all its results, in one transaction. Throws
    /// StorageError when there is no such run or it is still being written.
    void deleteRun(std::int64_t id);
    /// The exact model JSON the run was started with.
    std::string runModel(std::int64_t id);
    /// The statistics stored when the run ended (JSON, analysis/RunStatistics);
    /// nothing for a run that did not finish or was stored before them.
    std::optional<std::string> runStatistics(std::int64_t id);

    Database& database() { return *database_; }

private:
    Project(const std::string& path, const std::function<void(Database&)>& seed);
    std::vector<RunSummary> queryRuns(const std::string& where, std::int64_t id);

    std::string path_;
    ProjectAccess access_;
    std::unique_ptr<Database> database_;
};

} // namespace spikestudio
