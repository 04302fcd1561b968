// Measures what a user waits for between opening a model and its first step:
// libtcc compile time per kernel, and load-to-first-step (read, check,
// generate, compile, allocate, one step) for a model file (default: the
// bundled 4000-neuron CUBA neurons). Prints medians of several runs.
#include "engine/NetworkBuilder.h"
#include "engine/TccKernelCache.h"
#include "model/ModelReader.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

using namespace spikestudio;
using Stopwatch = std::chrono::steady_clock;

static double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

int main(int argc, char** argv) {
    const std::string path =
        argc > 1 ? argv[1] : SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba_neurons.json";
    const int repetitions = argc > 2 ? std::max(1, std::atoi(argv[2])) : 9;
    std::map<std::string, std::vector<double>> compileTimes;
    std::vector<double> loadToFirstStep, simulateSecond;
    for (int r = 0; r < repetitions; ++r) {
        TccKernelCache::instance().clear(); // measure cold compiles every time
        const auto start = Stopwatch::now();
        const CheckedModel model = checkModel(readModelFile(path));
        BuildReport report;
        auto network = buildNetwork(model, &report);
        network->run(model.dt); // the first step
        loadToFirstStep.push_back(
            std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count());
        for (const auto& kernel : report.timings.kernelCompiles)
            compileTimes[kernel.kernel].push_back(kernel.milliseconds);
        if (r == 0) {
            const auto runStart = Stopwatch::now();
            network->run(model.duration);
            simulateSecond.push_back(
                std::chrono::duration<double>(Stopwatch::now() - runStart).count());
        }
    }
    std::printf("model: %s (%d runs, medians)\n", path.c_str(), repetitions);
    for (const auto& [name, times] : compileTimes)
        std::printf("  libtcc compile  %-28s %7.2f ms\n", name.c_str(), median(times));
    std::printf("  load to first step                           %7.2f ms\n",
                median(loadToFirstStep));
    std::printf("  simulate the model's duration (once)         %7.3f s\n", simulateSecond[0]);
    return 0;
}
