#include "CommandLine.h"

#include <stdexcept>

namespace spikestudio {

const char* usageText() {
    return "usage:\n"
           "  spikestudio run MODEL [--duration EXPR] [--seed N] [--csv DIR] [--db PROJECT]\n"
           "                        [--plot FILE.png|.svg|.pdf] [--show-kernels]\n"
           "                        [--tier auto|tcc|native]\n"
           "  spikestudio check MODEL\n"
           "  spikestudio runs PROJECT\n"
           "  spikestudio export PROJECT --run ID --csv DIR\n"
           "\n"
           "MODEL is a model file in Spike Studio's format v1 (JSON, see README.md).\n"
           "PROJECT is a .spikestudio project file (SQLite, see docs/project-file.md);\n"
           "run --db creates it or adds the run to it.\n"
           "--tier: kernels run on libtcc (tcc), on code from the system C compiler\n"
           "compiled before the first step (native), or start on libtcc and switch to\n"
           "native code once it is compiled in the background (auto, the default).\n";
}

CommandLine parseCommandLine(const std::vector<std::string>& arguments) {
    CommandLine line;
    if (arguments.empty())
        throw std::invalid_argument("missing command");
    line.verb = arguments[0];
    for (size_t k = 1; k < arguments.size(); ++k) {
        const std::string& argument = arguments[k];
        auto value = [&]() -> std::string {
            if (k + 1 >= arguments.size())
                throw std::invalid_argument("option " + argument + " needs a value");
            if (arguments[k + 1].empty())
                throw std::invalid_argument("option " + argument +
                                            " needs a value, not an empty one");
            return arguments[++k];
        };
        if (argument == "--duration")
            line.duration = value();
        else if (argument == "--seed")
            line.seed = value();
        else if (argument == "--csv")
            line.csvDirectory = value();
        else if (argument == "--plot")
            line.plotFile = value();
        else if (argument == "--db")
            line.database = value();
        else if (argument == "--run")
            line.runId = value();
        else if (argument == "--tier")
            line.tier = value();
        else if (argument == "--show-kernels")
            line.showKernels = true;
        else if (argument.starts_with("--"))
            throw std::invalid_argument("unknown option " + argument);
        else
            line.positional.push_back(argument);
    }
    return line;
}

} // namespace spikestudio
