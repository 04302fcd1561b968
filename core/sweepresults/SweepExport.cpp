#include "sweepresults/SweepExport.h"

#include "csv/CsvWriter.h"
#include "diagnostics/UserError.h"
#include "files/AtomicOutputFile.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "sweepresults/StoredSweepResults.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace spikestudio {
namespace {

namespace fs = std::filesystem;

void refuseUsedFolder(const fs::path& directory) {
    std::error_code error;
    const fs::file_status status = fs::symlink_status(directory, error);
    if (status.type() == fs::file_type::not_found)
        return;
    if (status.type() != fs::file_type::directory)
        throw UserError("--csv " + directory.string() + ": exists and is not a folder");
    if (!fs::is_empty(directory, error) || error)
        throw UserError("--csv " + directory.string() +
                        ": the folder is not empty (export --sweep writes a new folder)");
}

/// A new folder beside `directory` that only this export writes into.
fs::path createStagingFolder(const fs::path& directory) {
    const fs::path parent =
        directory.parent_path().empty() ? fs::path(".") : directory.parent_path();
    std::error_code error;
    fs::create_directories(parent, error);
    if (error)
        throw UserError("cannot create the folder " + parent.string() + " (" + error.message() +
                        ")");
    std::string pattern =
        (parent / ("." + directory.filename().string() + ".partial-XXXXXX")).string();
    if (!::mkdtemp(pattern.data()))
        throw UserError("cannot create a folder beside " + directory.string() + " (" +
                        std::strerror(errno) + ")");
    // mkdtemp makes it private; the export is an ordinary folder.
    fs::permissions(pattern,
                    fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                        fs::perms::others_read | fs::perms::others_exec,
                    error);
    return pattern;
}

/// Removes the staging folder unless the export completed.
class StagingFolder {
public:
    explicit StagingFolder(fs::path path) : path_(std::move(path)) {}
    ~StagingFolder() {
        if (!moved_) {
            std::error_code ignored;
            fs::remove_all(path_, ignored);
        }
    }
    StagingFolder(const StagingFolder&) = delete;
    StagingFolder& operator=(const StagingFolder&) = delete;

    const fs::path& path() const { return path_; }
    void moveTo(const fs::path& directory) {
        std::error_code error;
        fs::rename(path_, directory, error);
        if (error)
            throw UserError("cannot write the folder " + directory.string() + " (" +
                            error.message() + ")");
        moved_ = true;
    }

private:
    fs::path path_;
    bool moved_ = false;
};

} // namespace

std::string variantFolderName(std::size_t variant) {
    char name[40];
    std::snprintf(name, sizeof name, "variant-%04zu", variant + 1);
    return name;
}

std::size_t exportSweepCsv(Project& project, std::int64_t sweepId, const std::string& directory) {
    if (directory.empty())
        throw UserError("--csv: the folder's name is empty");
    const fs::path target(directory);
    const SweepResultTable table = loadSweepResults(project, sweepId);
    refuseUsedFolder(target);
    StagingFolder staging(createStagingFolder(target));
    std::size_t written = 0;
    RunReader reader(project);
    for (const SweepResultRow& row : table.rows()) {
        if (!row.runId)
            continue;
        const std::string run =
            "sweep " + std::to_string(sweepId) + ", run " + std::to_string(*row.runId);
        try {
            writeAllCsv(reader.read(*row.runId),
                        (staging.path() / variantFolderName(row.variant)).string());
        } catch (const std::runtime_error& error) { // names the monitor or file
            throw UserError(run + ": " + error.what());
        }
        ++written;
    }
    AtomicOutputFile summary((staging.path() / "summary.csv").string());
    table.writeCsv(summary.stream());
    summary.commit();
    staging.moveTo(target);
    return written;
}

} // namespace spikestudio
