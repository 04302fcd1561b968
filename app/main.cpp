// Spike Studio's entry point: CLI verbs, or the GUI when started with no
// argument (its start page) or with a single model file.
#include "AllocatorSettings.h"
#include "CommandLine.h"
#include "ExamplesDirectory.h"
#include "ExportBrian2Command.h"
#include "ImportCommand.h"
#include "MergeCommand.h"
#include "ProjectCommands.h"
#include "RunCommand.h"
#include "StandardStreams.h"
#include "SweepCommand.h"
#include "bridge/Brian2Import.h"
#include "diagnostics/FailureMessage.h"
#include "diagnostics/PrintableText.h"

#ifdef SPIKESTUDIO_WITH_GUI
#include "GuiApplication.h"
#endif

#include <filesystem>
#include <iostream>
#include <set>
#include <string>
#include <vector>

namespace {

bool isVerb(const std::string& argument) {
    static const std::set<std::string> verbs{"run",   "check",  "runs",  "export",       "import",
                                             "sweep", "sweeps", "merge", "export-brian2"};
    return verbs.count(argument) > 0;
}

/// `spikestudio` alone or `spikestudio FILE` (an existing file): anything
/// else is the CLI, so a mistyped command gets a message rather than a window.
bool startsGui(const std::vector<std::string>& arguments) {
    std::error_code error;
    return arguments.empty() ||
           (arguments.size() == 1 && !isVerb(arguments[0]) && arguments[0].rfind('-', 0) != 0 &&
            std::filesystem::is_regular_file(arguments[0], error));
}

/// The overview, and where the bundled examples are.
void printUsage() {
    std::cout << spikestudio::usageText();
    if (const std::string examples = spikestudio::examplesDirectory(); !examples.empty())
        std::cout << "\nexample models: " << examples << "\n";
}

int runCli(const std::vector<std::string>& arguments) {
    using namespace spikestudio;
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h") {
        printUsage();
        return arguments.empty() ? 1 : 0;
    }
    if (arguments[0] == "--version") {
        std::cout << "spikestudio " SPIKESTUDIO_VERSION "\n";
        return 0;
    }
    CommandLine line;
    try {
        line = parseCommandLine(arguments);
    } catch (const std::exception& error) {
        std::cerr << "error: " << printable(failureMessage(error, "reading the command line"))
                  << "\n"
                  << usageText();
        return 1;
    }
    if (const std::string help = commandHelp(line.verb); line.help && !help.empty()) {
        std::cout << help;
        return 0;
    }
    if (line.verb == "run")
        return runCommand(line, std::cout, std::cerr);
    if (line.verb == "sweep")
        return sweepCommand(line, std::cout, std::cerr);
    if (line.verb == "merge")
        return mergeCommand(line, std::cout, std::cerr);
    if (line.verb == "sweeps")
        return sweepsCommand(line, std::cout, std::cerr);
    if (line.verb == "check")
        return checkCommand(line, std::cout, std::cerr);
    if (line.verb == "runs")
        return runsCommand(line, std::cout, std::cerr);
    if (line.verb == "export")
        return exportCommand(line, std::cout, std::cerr);
    if (line.verb == "import")
        return importCommand(line, std::cout, std::cerr);
    if (line.verb == "export-brian2")
        return exportBrian2Command(line, std::cout, std::cerr);
    std::cerr << "error: unknown command '" << printable(line.verb) << "'\n" << usageText();
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    spikestudio::keepFreedMemoryForReuse();
    const std::vector<std::string> arguments(argv + 1, argv + argc);
    spikestudio::simulateImportsWithThisProgram(); // scripts that read their monitors
#ifdef SPIKESTUDIO_WITH_GUI
    if (startsGui(arguments)) { // no file: the start page
        const std::string model = arguments.empty() ? "" : arguments[0];
        return runGui(argc, argv, QString::fromStdString(model),
                      QString::fromStdString(spikestudio::examplesDirectory()));
    }
#else
    (void)startsGui;
#endif
    return spikestudio::exitStatusAfterFlushing(runCli(arguments));
}
