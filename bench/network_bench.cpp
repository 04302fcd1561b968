// Network figures: synapse creation rate (1 million synapses from a sparse
// random rule and from all-to-all), and simulated seconds per wall second for
// the CUBA network (resources/examples/cuba.json). With python3-brian
// installed, the same CUBA model also runs through Brian2 (runtime, numpy
// target) in the same invocation so the ratio is measured on one machine.
// Prints medians of several runs.
#include "NetworkBuilder.h"
#include "model/ModelReader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace spikestudio;
using Stopwatch = std::chrono::steady_clock;

namespace {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double secondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

/// Seconds to build a network whose only cost is creating its synapses.
double creationSeconds(long long pre, long long post, const std::string& connect,
                       long long* created) {
    const std::string json = R"({"format": "spikestudio-model", "version": 1, "duration": "0*ms",
      "seed": 1, "groups": [{"name": "A", "type": "NeuronGroup", "N": )" +
                             std::to_string(pre) + R"(, "equations": "v : 1"},
        {"name": "B", "type": "NeuronGroup", "N": )" +
                             std::to_string(post) + R"(, "equations": "v : 1"}],
      "synapses": [{"name": "S", "source": "A", "target": "B", "model": "w : 1",
        "on_pre": "v += w", "connect": )" + connect +
                             "}]}";
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

double cubaSeconds(const std::string& path, double* simulated) {
    const CheckedModel model = checkModel(readModelFile(path));
    const auto start = Stopwatch::now();
    auto network = buildNetwork(model);
    network->run(model.duration);
    *simulated = model.duration;
    return secondsSince(start);
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    std::printf("synapse creation (median of %d runs)\n", runs);
    reportCreation("sparse: 10000 x 10000, p = 0.01", 10000, 10000, R"({"p": 0.01})", runs);
    reportCreation("all-to-all: 1000 x 1000", 1000, 1000, "{}", runs);
    reportCreation("condition: 1000 x 1000, i != j", 1000, 1000,
                   R"({"condition": "i != j"})", runs);

    const std::string cuba = SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json";
    std::vector<double> times;
    double simulated = 0;
    for (int r = 0; r < runs; ++r)
        times.push_back(cubaSeconds(cuba, &simulated));
    const double ours = median(times);
    std::printf("\nCUBA (4000 neurons, 1 s, libtcc): %.3f s wall, %.2f simulated s per wall s\n",
                ours, simulated / ours);
    if (std::system("test -x /usr/bin/python3 && /usr/bin/python3 -c 'import brian2' 2>/dev/null") ==
        0) {
        const std::string command = "HOME=$(mktemp -d) /usr/bin/python3 " SPIKESTUDIO_SOURCE_DIR
                                    "/../shared/tools/brian_ref.py " +
                                    cuba + " $(mktemp -d) >/dev/null 2>&1";
        const auto start = Stopwatch::now();
        if (std::system(command.c_str()) == 0) {
            const double brian = secondsSince(start);
            std::printf("CUBA in Brian2 (numpy runtime, one run, process start included): %.3f s "
                        "wall; Spike Studio is %.1fx faster\n",
                        brian, brian / ours);
        }
    }
    return 0;
}
