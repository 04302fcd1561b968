#include "FuzzBytes.h"
#include "FuzzTargets.h"
#include "ProjectMutation.h"
#include "ScratchDirectory.h"
#include "SeedProject.h"
#include "csv/CsvWriter.h"
#include "storage/Project.h"
#include "storage/RunReader.h"
#include "storage/StorageError.h"

#include <sstream>
#include <string_view>

namespace spikestudio::fuzz {

namespace {

constexpr std::string_view kSqliteHeader{"SQLite format 3\0", 16};

/// Every run as `spikestudio export` reads it, with the CSV written to memory
/// instead of files.
void exportRun(Project& project, std::int64_t id) {
    project.run(id);
    project.runModel(id);
    const RunResults results = RunReader(project).read(id);
    std::ostringstream csv;
    for (const SpikeRecord& record : results.spikes)
        writeSpikeCsv(record, csv);
    for (const StateRecord& record : results.states)
        writeStateCsv(record, csv);
    for (const RateRecord& record : results.rates)
        writeRateCsv(record, csv);
}

/// What `spikestudio runs` lists, then every run exported.
void readAsTheCommandsDo(const std::string& path) {
    Project project(path, ProjectAccess::ReadOnly);
    project.metadata();
    project.model();
    for (const RunSummary& summary : project.runs()) {
        try {
            exportRun(project, summary.id);
        } catch (const StorageError&) {
        }
    }
}

/// What the editor does on opening a project: upgrade it, mark runs whose
/// writer has gone as interrupted, and list the runs.
void openAsTheEditorDoes(const std::string& path) {
    Project project(path, ProjectAccess::ReadWrite);
    project.model();
    project.runs();
}

} // namespace

void fuzzProject(std::span<const std::uint8_t> input) {
    const std::string_view raw(reinterpret_cast<const char*>(input.data()), input.size());
    std::string path;
    if (raw.starts_with(kSqliteHeader)) {
        path = ScratchDirectory::writeFile("project.spikestudio", raw);
    } else {
        path = ScratchDirectory::writeFile("project.spikestudio", seedProjectBytes());
        FuzzBytes program(input);
        mutateProject(path, program);
    }
    try {
        readAsTheCommandsDo(path);
    } catch (const StorageError&) {
    }
    try {
        openAsTheEditorDoes(path);
    } catch (const StorageError&) {
    }
}

} // namespace spikestudio::fuzz
