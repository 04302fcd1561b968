#include "JobArray.h"

#include "diagnostics/ModelError.h"
#include "files/AtomicOutputFile.h"

#include <filesystem>

namespace spikestudio {
namespace {

/// The options every task passes on unchanged (the sweep is the same sweep).
std::string sweepOptions(const CommandLine& line) {
    std::string options;
    for (const std::string& vary : line.vary)
        options += " --vary " + shellQuoted(vary);
    if (line.zip)
        options += " --zip";
    if (line.seeds)
        options += " --seeds " + shellQuoted(*line.seeds);
    if (line.seed)
        options += " --seed " + shellQuoted(*line.seed);
    if (line.duration)
        options += " --duration " + shellQuoted(*line.duration);
    if (line.tier)
        options += " --tier " + shellQuoted(*line.tier);
    return options;
}

std::string scriptText(const CommandLine& line, const std::string& directory, std::size_t tasks) {
    const std::string dir = shellQuoted(directory);
    const std::string count = std::to_string(tasks);
    return "#!/bin/bash\n"
           "# A Slurm job array written by `spikestudio sweep --emit-jobs`: " +
           count +
           " tasks, task K runs\n"
           "# part K of the sweep into part-K.spikestudio in this folder.\n"
           "#   submit:  cd " +
           directory +
           " && sbatch sweep.sh\n"
           "#   gather:  spikestudio merge part-*.spikestudio -o sweep.spikestudio\n"
           "# Without Slurm: SLURM_ARRAY_TASK_ID=K bash sweep.sh, for K from 0 to " +
           std::to_string(tasks - 1) +
           ".\n"
           "# SPIKESTUDIO names the program if it is not `spikestudio` on the PATH.\n"
           "#SBATCH --job-name=spikestudio-sweep\n"
           "#SBATCH --array=0-" +
           std::to_string(tasks - 1) +
           "\n"
           "#SBATCH --output=part-%a.log\n"
           "set -euo pipefail\n"
           "dir=" +
           dir +
           "\n"
           "task=${SLURM_ARRAY_TASK_ID:?set by Slurm; without it, set it to the part to run}\n"
           "exec \"${SPIKESTUDIO:-spikestudio}\" sweep \"$dir/model.json\"" +
           sweepOptions(line) + " --part \"$task/" + count +
           "\" --jobs \"${SLURM_CPUS_PER_TASK:-1}\" --db \"$dir/part-$task.spikestudio\"\n";
}

void writeFile(const std::string& path, const std::string& text) {
    AtomicOutputFile file(path);
    file.stream() << text;
    file.commit();
}

} // namespace

std::string shellQuoted(const std::string& text) {
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

std::string writeJobArray(const CommandLine& line, const std::string& modelText,
                          std::size_t tasks) {
    for (const char c : *line.emitJobs)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f)
            throw ModelError({"command line", "--emit-jobs", 0, 0},
                             "the folder's name has a control character (a script names it)");
    std::error_code error;
    const std::filesystem::path directory = std::filesystem::absolute(*line.emitJobs, error);
    std::filesystem::create_directories(directory, error);
    if (error || !std::filesystem::is_directory(directory))
        throw ModelError({"command line", "--emit-jobs", 0, 0},
                         "cannot create the folder " + directory.string() +
                             (error ? ": " + error.message() : ""));
    writeFile((directory / "model.json").string(), modelText);
    const std::string script = (directory / "sweep.sh").string();
    writeFile(script, scriptText(line, directory.string(), tasks));
    std::filesystem::permissions(script, std::filesystem::perms::owner_exec,
                                 std::filesystem::perm_options::add, error);
    return script;
}

} // namespace spikestudio
