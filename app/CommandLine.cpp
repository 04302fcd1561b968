#include "CommandLine.h"

#include <stdexcept>

namespace spikestudio {

namespace {

/// Every usage text lives here: a command's synopsis (shared by the overview
/// and the command's --help), what it does, and its options.
struct CommandUsage {
    const char* verb;
    const char* synopsis;
    const char* description;
    const char* options;
};

const CommandUsage kCommands[] = {
    {"run",
     "  spikestudio run MODEL [--duration EXPR] [--seed N] [--csv DIR] [--db PROJECT]\n"
     "                        [--plot FILE.png|.jpg|.svg|.pdf] [--show-kernels]\n"
     "                        [--tier auto|tcc|native] [--threads N] [--final-state DIR]\n"
     "                        [--allow-nan] [--profile]\n",
     "Simulates MODEL without a window and prints its groups, the spikes per\n"
     "SpikeMonitor and the time spent. MODEL is a model file, or a project: its\n"
     "model runs and the project keeps the run. A Brian2 script (told by a line\n"
     "importing brian2) is imported first, as `import` does: its Python code runs.\n",
     "  --duration EXPR  simulated time, e.g. 100*ms (default: the model's)\n"
     "  --seed N         random seed, 0 to 4294967295 (default: the model's)\n"
     "  --csv DIR        write one MONITOR.csv per monitor into DIR\n"
     "  --final-state DIR  write every group's and synapses' variables as they are\n"
     "                   at the end into DIR: OBJECT.VARIABLE.npy and index.json\n"
     "  --db PROJECT     record the run in PROJECT, created if it does not exist\n"
     "  --plot FILE      draw the raster, population rate and traces to FILE\n"
     "                   (.png, .jpg, .svg or .pdf)\n"
     "  --show-kernels   print the generated C code\n"
     "  --tier TIER      auto (default): start on libtcc, switch to native code once\n"
     "                   the system C compiler is done; tcc: libtcc only; native:\n"
     "                   compile with the system C compiler before the first step\n"
     "  --threads N      threads the kernels share their elements on, 1 to 256\n"
     "                   (default: the number of cores); the results are the same\n"
     "                   bits for every N\n"
     "  --allow-nan      go on when a variable becomes NaN or infinite and warn at the\n"
     "                   end, as Brian2 does (default: the run stops there, exit 1)\n"
     "  --profile        time every operation (state updates, thresholds, pathways,\n"
     "                   monitors) and print where the simulation spent its time\n"},
    {"sweep",
     "  spikestudio sweep MODEL --vary NAME=VALUES [--vary ...] [--zip] [--seeds S]\n"
     "                        [--spec FILE] [--duration EXPR] [--jobs N] [--db PROJECT] [--csv "
     "DIR]\n"
     "                        [--tier auto|tcc|native] [--part K/N]\n"
     "                        [--emit-jobs DIR [--tasks N]]\n",
     "Runs MODEL once for every combination of the values given to its constants\n"
     "(and every seed), several runs at a time, and prints a row per run: its\n"
     "values, seed, status, and spikes and mean rate per SpikeMonitor. Each run is\n"
     "an ordinary run; in a project they are kept together as one sweep.\n",
     "  --vary NAME=VALUES  a constant and its values: START:STOP:COUNT (evenly\n"
     "                   spaced, e.g. we=0.5*mV:2*mV:8), START:STOP:COUNT:log, a\n"
     "                   list [10, 20]*ms or [1*nA, 2*nA], or one value\n"
     "  --zip            pair the k-th values of every --vary instead of running\n"
     "                   every combination\n"
     "  --seeds S        run every point with each seed: 1:5 or 1,2,7\n"
     "  --spec FILE      the values (and seeds) from a sweep's specification, as\n"
     "                   `import` writes it for a script that runs a network per\n"
     "                   value (SCRIPT.sweep.json), instead of --vary and --zip\n"
     "  --duration EXPR  simulated time of every run (default: the model's)\n"
     "  --jobs N         runs at a time, 1 to 1024 (default: the number of cores)\n"
     "  --db PROJECT     keep the sweep and its runs in PROJECT (created if missing);\n"
     "                   a MODEL that is a project keeps them itself\n"
     "  --csv DIR        write sweep.csv (a row per run) and each run's monitors\n"
     "                   into DIR/run-NNNN/\n"
     "  --tier TIER      as for run\n"
     "  --part K/N       run only the K-th of N equal parts of the sweep (K from 0)\n"
     "  --emit-jobs DIR  run nothing; write DIR/sweep.sh, a Slurm job array of\n"
     "                   --tasks parts (default 10) storing DIR/part-K.spikestudio,\n"
     "                   which 'spikestudio merge' gathers\n"
     "  --tasks N        how many parts --emit-jobs makes, 1 to 10000\n"},
    {"merge", "  spikestudio merge PART... -o PROJECT\n",
     "Gathers the runs of projects (the parts of a sweep run as a job array) into\n"
     "PROJECT, created if missing: a sweep's parts become one sweep again. A run\n"
     "of a sweep already in PROJECT is not copied twice.\n",
     "  -o PROJECT       the project to merge into\n"},
    {"sweeps", "  spikestudio sweeps PROJECT\n",
     "Lists the sweeps PROJECT keeps: number, time, what varied, runs stored.\n", ""},
    {"check", "  spikestudio check MODEL\n",
     "Parses MODEL (a model file, a project, or a Brian2 script, imported first)\n"
     "and checks its units and names without running it.\n",
     ""},
    {"runs", "  spikestudio runs PROJECT\n",
     "Lists the runs PROJECT keeps: number, start time, status, simulated time,\n"
     "dt, seed and spikes.\n",
     ""},
    {"export",
     "  spikestudio export PROJECT --run ID --csv DIR\n"
     "  spikestudio export PROJECT --sweep ID --csv DIR\n",
     "Writes a stored run as CSV files, the files run --csv writes. With --sweep,\n"
     "writes DIR/summary.csv (a row per variant: values, seed, status, run and\n"
     "every statistic) and each variant's monitors in DIR/variant-NNNN/; DIR is\n"
     "a new folder, written whole or not at all.\n",
     "  --run ID         the run's number, as 'spikestudio runs PROJECT' lists it\n"
     "  --sweep ID       the sweep's number, as 'spikestudio sweeps PROJECT' lists it\n"
     "  --csv DIR        the directory to write into (with --sweep: missing or empty)\n"},
    {"import",
     "  spikestudio import SCRIPT.py [-o MODEL.json|FOLDER/|PROJECT] [--timeout SECONDS]\n",
     "Imports a Brian2 script as a model, checked as 'check' checks it. The script\n"
     "RUNS: its Python code runs, with Brian2 recording the network instead of\n"
     "simulating it, so import only scripts you would run. What the model format\n"
     "cannot express yet fails the import, naming the feature and its line.\n"
     "A script that runs several networks in turn writes MODEL.json and the sweep\n"
     "MODEL.sweep.json when they differ only in numbers (run it with 'sweep\n"
     "--spec'), else MODEL-1.json, MODEL-2.json, ..., one per network.\n"
     "Needs Brian2 (on Debian: apt-get install python3-brian).\n",
     "  -o FILE          the model file to write (replaced when complete), a folder\n"
     "                   (ending in /) to write SCRIPT's name with .json into, or a\n"
     "                   project (.spikestudio) whose model the import becomes;\n"
     "                   default: SCRIPT's name with .json, in this folder\n"
     "  --timeout SECONDS  how long the script may run (default: 600)\n"},
    {"export-brian2",
     "  spikestudio export-brian2 MODEL|PROJECT [--run ID] -o SCRIPT.py\n"
     "                        [--device runtime|cpp_standalone|cuda_standalone|genn]\n"
     "                        [--duration EXPR] [--seed N]\n",
     "Writes the model as a readable Brian2 script: parameters with units, groups,\n"
     "synapses with their connect calls, monitors, run() and a plot. With the\n"
     "runtime device and the same seed, Brian2 draws Spike Studio's random numbers\n"
     "and gives the same spikes. Needs Python 3 (the script needs Brian2 to run).\n",
     "  --run ID         export the model a run of PROJECT used, with its seed and\n"
     "                   duration (see 'spikestudio runs PROJECT')\n"
     "  -o SCRIPT.py     the script to write (replaced when complete)\n"
     "  --device DEVICE  runtime (default: Brian2's numpy target), cpp_standalone,\n"
     "                   cuda_standalone (brian2cuda, GPUs) or genn (brian2genn)\n"
     "  --duration EXPR  simulated time, e.g. 100*ms (default: the model's)\n"
     "  --seed N         random seed, 0 to 4294967295 (default: the model's)\n"},
};

const char* kHelpOption = "  -h, --help       show this help\n";

/// Whether the command's synopsis lists `option` ("[--seed N]", "-o PROJECT"):
/// the synopsis is the one list of the options a command takes.
bool takesOption(const CommandUsage& command, const std::string& option) {
    const std::string synopsis = command.synopsis;
    for (size_t at = synopsis.find(option); at != std::string::npos;
         at = synopsis.find(option, at + 1)) {
        const size_t end = at + option.size();
        const bool startsWord = at > 0 && (synopsis[at - 1] == ' ' || synopsis[at - 1] == '[');
        const bool endsWord =
            end < synopsis.size() &&
            (synopsis[end] == ' ' || synopsis[end] == ']' || synopsis[end] == '\n');
        if (startsWord && endsWord)
            return true;
    }
    return false;
}

/// Refuses an option the verb does not take (`run -o FILE` would otherwise
/// run and write nothing where the user expects a file).
void refuseForeignOptions(const std::string& verb, const std::vector<std::string>& options) {
    for (const CommandUsage& command : kCommands) {
        if (verb != command.verb)
            continue;
        for (const std::string& option : options)
            if (option != "--help" && option != "-h" && !takesOption(command, option))
                throw std::invalid_argument("option " + option + " does not apply to '" + verb +
                                            "' (see spikestudio " + verb + " --help)");
    }
}

} // namespace

std::string usageText() {
    std::string text = "usage:\n";
#ifdef SPIKESTUDIO_WITH_GUI
    text += "  spikestudio [MODEL|PROJECT]   (the desktop app)\n";
#endif
    for (const CommandUsage& command : kCommands)
        text += command.synopsis;
    text += "  spikestudio COMMAND --help\n"
            "  spikestudio --version\n"
            "\n"
            "MODEL is a model file in Spike Studio's format v1 (JSON); PROJECT is a\n"
            ".spikestudio project file (SQLite), which run --db creates or adds the run to.\n"
            "'spikestudio COMMAND --help' explains a command's options; 'man spikestudio'\n"
            "describes everything.\n";
    return text;
}

std::string commandHelp(const std::string& verb) {
    for (const CommandUsage& command : kCommands)
        if (verb == command.verb)
            return std::string("usage:\n") + command.synopsis + "\n" + command.description + "\n" +
                   command.options + kHelpOption;
    return "";
}

CommandLine parseCommandLine(const std::vector<std::string>& arguments) {
    CommandLine line;
    if (arguments.empty())
        throw std::invalid_argument("missing command");
    line.verb = arguments[0];
    std::vector<std::string> options;
    for (size_t k = 1; k < arguments.size(); ++k) {
        const std::string& argument = arguments[k];
        if (argument.size() > 1 && argument[0] == '-')
            options.push_back(argument);
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
        else if (argument == "--final-state")
            line.finalStateDirectory = value();
        else if (argument == "--plot")
            line.plotFile = value();
        else if (argument == "--db")
            line.database = value();
        else if (argument == "--run")
            line.runId = value();
        else if (argument == "--sweep")
            line.sweepId = value();
        else if (argument == "--tier")
            line.tier = value();
        else if (argument == "-o")
            line.output = value();
        else if (argument == "--timeout")
            line.timeout = value();
        else if (argument == "--device")
            line.device = value();
        else if (argument == "--vary")
            line.vary.push_back(value());
        else if (argument == "--seeds")
            line.seeds = value();
        else if (argument == "--jobs")
            line.jobs = value();
        else if (argument == "--threads")
            line.threads = value();
        else if (argument == "--zip")
            line.zip = true;
        else if (argument == "--spec")
            line.spec = value();
        else if (argument == "--part")
            line.part = value();
        else if (argument == "--emit-jobs")
            line.emitJobs = value();
        else if (argument == "--tasks")
            line.tasks = value();
        else if (argument == "--show-kernels")
            line.showKernels = true;
        else if (argument == "--allow-nan")
            line.allowNonFinite = true;
        else if (argument == "--profile")
            line.profile = true;
        else if (argument == "--help" || argument == "-h")
            line.help = true;
        else if (argument.size() > 1 && argument[0] == '-')
            throw std::invalid_argument("unknown option " + argument);
        else
            line.positional.push_back(argument);
    }
    refuseForeignOptions(line.verb, options);
    return line;
}

} // namespace spikestudio
