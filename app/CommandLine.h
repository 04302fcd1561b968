#pragma once

#include <optional>
#include <string>
#include <vector>

namespace spikestudio {

/// A parsed command line: verb, positional arguments and --options.
struct CommandLine {
    std::string verb;
    std::vector<std::string> positional;
    std::optional<std::string> duration;
    std::optional<std::string> seed;
    std::optional<std::string> csvDirectory;
    std::optional<std::string> finalStateDirectory;
    std::optional<std::string> database; // --db PROJECT
    std::optional<std::string> plotFile; // --plot FILE
    std::optional<std::string> runId;    // --run ID
    std::optional<std::string> sweepId;  // --sweep ID (export)
    std::optional<std::string> tier;     // --tier auto|tcc|native
    std::optional<std::string> output;   // -o FILE
    std::optional<std::string> timeout;  // --timeout SECONDS
    std::optional<std::string> device;   // --device NAME (export-brian2)
    std::vector<std::string> vary;       // --vary NAME=VALUES (sweep), in order
    std::optional<std::string> seeds;    // --seeds 1:5 (sweep)
    std::optional<std::string> jobs;     // --jobs N (sweep)
    std::optional<std::string> threads;  // --threads N (run)
    bool zip = false;                    // --zip (sweep)
    std::optional<std::string> spec;     // --spec FILE (sweep): its specification
    std::optional<std::string> part;     // --part K/N (sweep)
    std::optional<std::string> emitJobs; // --emit-jobs DIR (sweep)
    std::optional<std::string> tasks;    // --tasks N (sweep --emit-jobs)
    bool showKernels = false;
    bool allowNonFinite = false; // --allow-nan (run)
    bool profile = false;        // --profile (run)
    bool help = false;           // -h or --help after the verb
};

/// Parses argv; throws std::invalid_argument with a message for the user.
CommandLine parseCommandLine(const std::vector<std::string>& arguments);

/// The usage text printed for --help and bad command lines.
std::string usageText();

/// `spikestudio VERB --help`: the command's synopsis and options; "" for an
/// unknown verb.
std::string commandHelp(const std::string& verb);

} // namespace spikestudio
