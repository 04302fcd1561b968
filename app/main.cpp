// Spike Studio's entry point: CLI verbs (and, later, the GUI).
#include "CommandLine.h"
#include "ProjectCommands.h"
#include "RunCommand.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    using namespace spikestudio;
    const std::vector<std::string> arguments(argv + 1, argv + argc);
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
