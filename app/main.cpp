// Spike Studio's entry point: CLI verbs, or the GUI when started with no
// argument (its start page) or with a single model file.
#include "CommandLine.h"
#include "ProjectCommands.h"
#include "RunCommand.h"

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
    static const std::set<std::string> verbs{"run", "check", "runs", "export"};
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

#ifdef SPIKESTUDIO_WITH_GUI
/// The examples' directory (the one holding cuba.json): from the source tree
/// in a build, else installed, else next to the executable. "" when none is
/// found (File > Examples stays empty).
std::string examplesDirectory() {
    namespace fs = std::filesystem;
    std::error_code error;
    const fs::path executableDir = fs::canonical("/proc/self/exe", error).parent_path();
    const std::vector<fs::path> candidates{
        fs::path(SPIKESTUDIO_SOURCE_EXAMPLES), fs::path(SPIKESTUDIO_INSTALLED_EXAMPLES),
        executableDir / "../share/spikestudio/examples", executableDir / "resources/examples"};
    for (const fs::path& candidate : candidates)
        if (fs::is_regular_file(candidate / "cuba.json", error))
            return candidate.string();
    return "";
}
#endif

int runCli(const std::vector<std::string>& arguments) {
    using namespace spikestudio;
    if (arguments.empty() || arguments[0] == "--help" || arguments[0] == "-h") {
        std::cout << usageText();
        return arguments.empty() ? 1 : 0;
    }
    CommandLine line;
    try {
        line = parseCommandLine(arguments);
    } catch (const std::exception& error) {
        std::cerr << "error: " << error.what() << "\n" << usageText();
        return 1;
    }
    if (line.verb == "run")
        return runCommand(line, std::cout, std::cerr);
    if (line.verb == "check")
        return checkCommand(line, std::cout, std::cerr);
    if (line.verb == "runs")
        return runsCommand(line, std::cout, std::cerr);
    if (line.verb == "export")
        return exportCommand(line, std::cout, std::cerr);
    std::cerr << "error: unknown command '" << line.verb << "'\n" << usageText();
    return 1;
}

} // namespace

int main(int argc, char** argv) {
    const std::vector<std::string> arguments(argv + 1, argv + argc);
#ifdef SPIKESTUDIO_WITH_GUI
    if (startsGui(arguments)) { // no file: the start page
        const std::string model = arguments.empty() ? "" : arguments[0];
        return runGui(argc, argv, QString::fromStdString(model),
                      QString::fromStdString(examplesDirectory()));
    }
#else
    (void)startsGui;
#endif
    return runCli(arguments);
}
