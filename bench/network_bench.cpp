// Network figures: synapse creation rate (1 million synapses from a sparse
// random rule and from all-to-all), and, for the CUBA and COBAHH networks
// (resources/examples/cuba.json, cobahh.json), build time, simulation time and
// simulated seconds per wall second. With python3-brian installed, both models
// also run through Brian2's cpp_standalone target in the same invocation
// (bench/brian2_standalone_time.py), so the figures come from one machine;
// CUBA also runs once in Brian2's numpy runtime. Prints medians of several runs.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <sys/wait.h>
#include <vector>

using namespace spikestudio;
using Stopwatch = std::chrono::steady_clock;

namespace {

const std::string kSourceDir = SPIKESTUDIO_SOURCE_DIR;
const std::string kBrianRef = kSourceDir + "/tests/reference/brian_ref.py";
const std::string kStandaloneHelper = kSourceDir + "/bench/brian2_standalone_time.py";

struct BenchModel {
    std::string label;
    std::string path;
};

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double secondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

std::string shellQuoted(const std::string& text) {
    std::string quoted = "'";
    for (char c : text)
        quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

/// Runs a shell command; returns its stdout, or nothing when it fails.
std::optional<std::string> commandOutput(const std::string& command) {
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe)
        return std::nullopt;
    std::string output;
    std::array<char, 4096> buffer;
    while (size_t read = std::fread(buffer.data(), 1, buffer.size(), pipe))
        output.append(buffer.data(), read);
    const int status = pclose(pipe);
    if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return std::nullopt;
    return output;
}

/// `key value...` lines, as printed by `--one-run` and brian2_standalone_time.py.
std::map<std::string, std::string> keyValueLines(const std::string& text) {
    std::map<std::string, std::string> values;
    std::istringstream lines(text);
    std::string line;
    while (std::getline(lines, line)) {
        const size_t space = line.find(' ');
        if (space != std::string::npos)
            values[line.substr(0, space)] = line.substr(space + 1);
    }
    return values;
}

// ---- synapse creation ------------------------------------------------------

/// Seconds to build a network whose only cost is creating its synapses.
double creationSeconds(long long pre, long long post, const std::string& connect,
                       long long* created) {
    const std::string json = R"({"format": "spikestudio-model", "version": 1, "duration": "0*ms",
      "seed": 1, "groups": [{"name": "A", "type": "NeuronGroup", "N": )" +
                             std::to_string(pre) + R"(, "equations": "v : 1"},
        {"name": "B", "type": "NeuronGroup", "N": )" +
                             std::to_string(post) + R"(, "equations": "v : 1"}],
      "synapses": [{"name": "S", "source": "A", "target": "B", "model": "w : 1",
        "on_pre": "v += w", "connect": )" +
                             connect + "}]}";
    const CheckedModel model = checkModel(readModel(json));
    const auto start = Stopwatch::now();
    auto network = buildNetwork(model);
    const double seconds = secondsSince(start);
    *created = network->synapses().front().size();
    return seconds;
}

void reportCreation(const char* label, long long pre, long long post, const std::string& connect,
                    int runs) {
    std::vector<double> times;
    long long created = 0;
    for (int r = 0; r < runs; ++r)
        times.push_back(creationSeconds(pre, post, connect, &created));
    const double seconds = median(times);
    std::printf("%-34s %9lld synapses  %7.3f s  %6.2f M synapses/s\n", label, created, seconds,
                created / seconds / 1e6);
}

void reportSynapseCreation(int runs) {
    std::printf("synapse creation (median of %d runs)\n", runs);
    reportCreation("sparse: 10000 x 10000, p = 0.01", 10000, 10000, R"({"p": 0.01})", runs);
    reportCreation("all-to-all: 1000 x 1000", 1000, 1000, "{}", runs);
    reportCreation("condition: 1000 x 1000, i != j", 1000, 1000, R"({"condition": "i != j"})",
                   runs);
}

// ---- network speed -----------------------------------------------------------

/// One engine's figures for one model. Build and simulate are wall seconds.
struct SpeedFigures {
    double buildSeconds = 0;
    double simulateSeconds = 0;
    double simulatedSeconds = 0;
    long long spikes = 0;

    double simulatedPerWallSecond() const { return simulatedSeconds / simulateSeconds; }
};

long long recordedSpikes(const Network& network) {
    long long spikes = 0;
    for (const auto& record : network.spikeRecords())
        spikes += static_cast<long long>(record.indices.size());
    return spikes;
}

/// Build (read, check, create synapses, generate, compile, set up) and
/// simulate the model's duration, timed separately, in this process.
SpeedFigures spikeStudioOnce(const std::string& path) {
    SpeedFigures figures;
    const auto buildStart = Stopwatch::now();
    const CheckedModel model = checkModel(readModelFile(path));
    auto network = buildNetwork(model);
    figures.buildSeconds = secondsSince(buildStart);
    const auto simulateStart = Stopwatch::now();
    network->run(model.duration);
    figures.simulateSeconds = secondsSince(simulateStart);
    figures.simulatedSeconds = model.duration;
    figures.spikes = recordedSpikes(*network);
    return figures;
}

constexpr const char* kOneRunFlag = "--one-run";

/// Child mode (`network_bench --one-run MODEL`): one run, figures on stdout.
int printOneRun(const std::string& path) {
    const SpeedFigures figures = spikeStudioOnce(path);
    std::printf("build %.17g\nsimulate %.17g\nsimulated %.17g\nspikes %lld\n", figures.buildSeconds,
                figures.simulateSeconds, figures.simulatedSeconds, figures.spikes);
    return 0;
}

/// One run in a fresh process, as a user of `spikestudio run` gets it: a
/// process that has already built big networks reuses its heap and builds
/// the next one several times faster, which no user sees.
std::optional<SpeedFigures> spikeStudioFreshProcess(const std::string& path) {
    const std::string self = std::filesystem::read_symlink("/proc/self/exe").string();
    const auto output =
        commandOutput(shellQuoted(self) + " " + kOneRunFlag + " " + shellQuoted(path));
    if (!output)
        return std::nullopt;
    auto values = keyValueLines(*output);
    for (const char* key : {"build", "simulate", "simulated", "spikes"})
        if (!values.count(key))
            return std::nullopt;
    SpeedFigures figures;
    figures.buildSeconds = std::stod(values["build"]);
    figures.simulateSeconds = std::stod(values["simulate"]);
    figures.simulatedSeconds = std::stod(values["simulated"]);
    figures.spikes = std::stoll(values["spikes"]);
    return figures;
}

SpeedFigures spikeStudioMedian(const std::string& path, int runs) {
    std::vector<double> build, simulate;
    SpeedFigures figures;
    for (int r = 0; r < runs; ++r) {
        const auto run = spikeStudioFreshProcess(path);
        if (!run)
            throw std::runtime_error("Spike Studio run of " + path + " failed");
        figures = *run;
        build.push_back(figures.buildSeconds);
        simulate.push_back(figures.simulateSeconds);
    }
    figures.buildSeconds = median(build);
    figures.simulateSeconds = median(simulate);
    return figures;
}

// ---- Brian2 ------------------------------------------------------------------

bool brian2Available() {
    return std::system("test -x /usr/bin/python3 && /usr/bin/python3 -c 'import brian2' "
                       ">/dev/null 2>&1") == 0;
}

/// Brian2 cpp_standalone: build is `make` on the generated project (Python's
/// code generation not included); simulate is Brian2's own timer around the
/// simulation loop inside the binary.
struct Brian2Figures {
    SpeedFigures speed;
    double binarySeconds = 0; // process start, synapses, initial values, loop, results
    int runs = 0;
    std::string version, compilerFlags, openmpThreads;
};

std::optional<Brian2Figures> brian2Standalone(const std::string& path, double simulatedSeconds,
                                              int runs) {
    const std::string command = "/usr/bin/python3 " + shellQuoted(kStandaloneHelper) + " " +
                                shellQuoted(path) + " --runs " + std::to_string(runs) +
                                " 2>/dev/null";
    const auto output = commandOutput(command);
    if (!output)
        return std::nullopt;
    auto values = keyValueLines(*output);
    for (const char* key : {"spikes", "make_seconds", "binary_seconds", "run_seconds", "runs"})
        if (!values.count(key))
            return std::nullopt;
    Brian2Figures figures;
    figures.speed.buildSeconds = std::stod(values["make_seconds"]);
    figures.speed.simulateSeconds = std::stod(values["run_seconds"]);
    figures.speed.simulatedSeconds = simulatedSeconds;
    figures.speed.spikes = std::stoll(values["spikes"]);
    figures.binarySeconds = std::stod(values["binary_seconds"]);
    figures.runs = std::stoi(values["runs"]);
    figures.version = values["brian2_version"];
    figures.compilerFlags = values["compiler_flags"];
    figures.openmpThreads = values["openmp_threads"];
    return figures;
}

/// Wall seconds of one Brian2 numpy-runtime run, Python start included.
std::optional<double> brian2NumpySeconds(const std::string& path) {
    const std::string command = "d=$(mktemp -d) && HOME=\"$d\" /usr/bin/python3 " +
                                shellQuoted(kBrianRef) + " " + shellQuoted(path) +
                                " \"$d/out\" >/dev/null 2>&1; status=$?; rm -rf \"$d\"; "
                                "exit $status";
    const auto start = Stopwatch::now();
    if (std::system(command.c_str()) != 0)
        return std::nullopt;
    return secondsSince(start);
}

// ---- report ------------------------------------------------------------------

void printTableHeader() {
    std::printf("%-7s %-30s %10s %12s %14s %9s\n", "model", "engine", "build [s]", "simulate [s]",
                "sim s / wall s", "spikes");
}

void printRow(const std::string& model, const std::string& engine, const SpeedFigures& figures) {
    std::printf("%-7s %-30s %10.3f %12.3f %14.3f %9lld\n", model.c_str(), engine.c_str(),
                figures.buildSeconds, figures.simulateSeconds, figures.simulatedPerWallSecond(),
                figures.spikes);
}

void printSpeedRatio(const std::string& model, const SpeedFigures& ours,
                     const SpeedFigures& brian) {
    const double ratio = brian.simulateSeconds / ours.simulateSeconds;
    if (ratio >= 1)
        std::printf("  %s: Spike Studio simulates %.2fx faster than Brian2 cpp_standalone\n",
                    model.c_str(), ratio);
    else
        std::printf("  %s: Brian2 cpp_standalone simulates %.2fx faster than Spike Studio\n",
                    model.c_str(), 1 / ratio);
}

void printBrian2Notes(const Brian2Figures& figures) {
    std::printf("\nBrian2 %s cpp_standalone (openmp_threads %s, g++ %s), medians of %d runs of "
                "one compiled binary:\n",
                figures.version.c_str(), figures.openmpThreads.c_str(),
                figures.compilerFlags.c_str(), figures.runs);
    std::printf("  build    = wall time of `make` on the generated C++ project (Python code "
                "generation not included)\n");
    std::printf("  simulate = Brian2's own timer around the simulation loop in the binary "
                "(Network::run, std::clock CPU seconds, one thread); sim s / wall s uses it "
                "too\n");
    std::printf("  spikes   = Brian2's standalone random numbers are not numpy's stream, so its "
                "synapses and initial values differ from Spike Studio's (which match Brian2's "
                "numpy target): counts agree statistically, not one for one\n");
}

/// Prints the speed table; returns Spike Studio's figures, one per model.
std::vector<SpeedFigures> reportNetworkSpeed(const std::vector<BenchModel>& models, int runs) {
    std::vector<SpeedFigures> ours;
    for (const auto& model : models)
        ours.push_back(spikeStudioMedian(model.path, runs));

    std::vector<std::optional<Brian2Figures>> brian(models.size());
    const bool haveBrian2 = brian2Available();
    if (haveBrian2)
        for (size_t m = 0; m < models.size(); ++m)
            brian[m] = brian2Standalone(models[m].path, ours[m].simulatedSeconds, runs);

    std::printf("\nnetwork speed (Spike Studio: median of %d runs; build = read, check, create "
                "synapses, generate, compile; each run in a fresh process)\n",
                runs);
    printTableHeader();
    for (size_t m = 0; m < models.size(); ++m) {
        printRow(models[m].label, "Spike Studio (libtcc)", ours[m]);
        if (brian[m])
            printRow(models[m].label, "Brian2 cpp_standalone", brian[m]->speed);
    }
    if (!haveBrian2) {
        std::printf("\nBrian2 figures skipped: /usr/bin/python3 cannot import brian2 (install "
                    "python3-brian)\n");
        return ours;
    }
    const auto anyBrian = std::find_if(brian.begin(), brian.end(), [](auto& b) { return b; });
    if (anyBrian != brian.end())
        printBrian2Notes(**anyBrian);
    for (size_t m = 0; m < models.size(); ++m) {
        if (!brian[m]) {
            std::printf("  %s: Brian2 cpp_standalone run failed; run /usr/bin/python3 %s %s to "
                        "see why\n",
                        models[m].label.c_str(), kStandaloneHelper.c_str(), models[m].path.c_str());
            continue;
        }
        std::printf("  %s: binary wall time (start, synapses, initial values, simulate, write "
                    "results) %.3f s\n",
                    models[m].label.c_str(), brian[m]->binarySeconds);
        printSpeedRatio(models[m].label, ours[m], brian[m]->speed);
    }
    return ours;
}

void reportBrian2Numpy(const BenchModel& model, const SpeedFigures& ours) {
    const auto seconds = brian2NumpySeconds(model.path);
    if (!seconds) {
        std::printf("%s in Brian2 numpy runtime: run failed\n", model.label.c_str());
        return;
    }
    const double oursTotal = ours.buildSeconds + ours.simulateSeconds;
    std::printf("\n%s in Brian2 (numpy runtime, one run, total wall time: Python start, build "
                "and simulate): %.3f s; Spike Studio build + simulate %.3f s (%.1fx faster)\n",
                model.label.c_str(), *seconds, oursTotal, *seconds / oursTotal);
}

int runBench(int runs) {
    reportSynapseCreation(runs);
    const std::vector<BenchModel> models = {
        {"CUBA", kSourceDir + "/resources/examples/cuba.json"},
        {"COBAHH", kSourceDir + "/resources/examples/cobahh.json"},
    };
    const auto ours = reportNetworkSpeed(models, runs);
    if (brian2Available())
        reportBrian2Numpy(models.front(), ours.front());
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    try {
        if (argc > 2 && std::string(argv[1]) == kOneRunFlag)
            return printOneRun(argv[2]);
        return runBench(argc > 1 ? std::max(1, std::atoi(argv[1])) : 5);
    } catch (const std::exception& error) {
        std::fprintf(stderr, "network_bench: %s\n", error.what());
        return 1;
    }
}
