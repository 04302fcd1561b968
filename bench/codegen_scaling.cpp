// How checking and building a model grow with the size of its expressions:
// chained subexpressions that each use the one before twice (a graph whose
// tree doubles with every level), long flat chains of one operator in an
// equation, a threshold and a reset, and deep brackets. Prints, per size, the
// time to check (parse, units, integrate), to generate C, to compile it with
// libtcc, and the size of the C. Figures only; the tests assert behaviour.
//   build/bench/codegen_scaling            all families
//   build/bench/codegen_scaling chain      one family (chain, sum, product,
//                                          and, reset, shared, brackets)
#include "diagnostics/ModelError.h"
#include "engine/NetworkBuilder.h"
#include "engine/TccKernelCache.h"
#include "model/ModelReader.h"

#include <chrono>
#include <cstdio>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

using namespace spikestudio;
using Stopwatch = std::chrono::steady_clock;

namespace {

double millisecondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

std::string repeated(const std::string& first, const std::string& next, int count) {
    std::string text = first;
    for (int k = 1; k < count; ++k)
        text += next;
    return text;
}

/// One neuron group; the pieces given replace the defaults.
std::string model(const std::string& equations, const std::string& threshold = "v > 1",
                  const std::string& reset = "v = 0") {
    return R"({"format": "spikestudio-model", "version": 1, "name": "scaling", "dt": "0.1*ms",
               "duration": "1*ms", "constants": {"tau": "10*ms"},
               "groups": [{"name": "G", "type": "NeuronGroup", "N": 4, "method": "euler",
                           "equations": ")" +
           equations + R"(", "threshold": ")" + threshold + R"(", "reset": ")" + reset + R"("}]})";
}

std::string chainedSubexpressions(int levels) {
    std::string equations = "s0 = v : 1\\n";
    for (int k = 1; k <= levels; ++k)
        equations += "s" + std::to_string(k) + " = s" + std::to_string(k - 1) + " + s" +
                     std::to_string(k - 1) + " : 1\\n";
    return model(equations + "dv/dt = -s" + std::to_string(levels) + "/tau : 1");
}

// Each generator gives its field about `terms` terms as the limit counts
// them (numbers, names, operators, calls).
std::string flatSum(int terms) { // -(v + ... + v)/tau: 2k + 2 terms
    return model("dv/dt = -(" + repeated("v", " + v", (terms - 2) / 2) + ")/tau : 1");
}
std::string flatProduct(int terms) { // -v*(1.0 * ... * 1.0)/tau: 2k + 4 terms
    return model("dv/dt = -v*(" + repeated("1.0", " * 1.0", (terms - 4) / 2) + ")/tau : 1");
}
std::string andChain(int terms) { // v > 1 and v > 0 ...: 4k - 1 terms
    return model("dv/dt = -v/tau : 1", repeated("v > 1", " and v > 0", (terms + 1) / 4));
}
std::string longReset(int terms) { // v = 0; v = v*0.5 ...: 4k - 2 terms
    return model("dv/dt = -v/tau : 1", "v > 1", repeated("v = 0", "; v = v*0.5", (terms + 2) / 4));
}
// A subexpression of `terms` terms that each of 10 reset statements computes
// anew (each one changes v): ten times the terms in one kernel.
std::string sharedByStatements(int terms) {
    return model("dv/dt = -v/tau : 1\\ns = (" + repeated("v", " + v", (terms - 4) / 2) +
                     ")*0.001 : 1",
                 "v > 1", repeated("v = s", "; v = s", 10));
}
std::string brackets(int depth) {
    return model("dv/dt = -v/tau : 1", std::string(static_cast<size_t>(depth), '(') + "v > 1" +
                                           std::string(static_cast<size_t>(depth), ')'));
}

void measure(const char* family, int size, const std::string& json) {
    TccKernelCache::instance().clear(); // cold compiles every time
    try {
        const auto start = Stopwatch::now();
        const CheckedModel checked = checkModel(readModel(json));
        const double check = millisecondsSince(start);
        BuildReport report;
        const auto buildStart = Stopwatch::now();
        auto network = buildNetwork(checked, &report);
        const double build = millisecondsSince(buildStart);
        size_t bytes = 0;
        for (const auto& kernel : report.kernels)
            bytes += kernel.source.size();
        std::printf("%-9s %6d   check %8.2f ms   codegen %8.2f ms   libtcc %8.2f ms   "
                    "build %8.2f ms   C %8zu bytes\n",
                    family, size, check, report.timings.codegenMilliseconds,
                    report.timings.compileMilliseconds, build, bytes);
    } catch (const ModelError& error) {
        std::printf("%-9s %6d   refused: %s\n", family, size, error.what());
    }
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv) {
    struct Family {
        const char* name;
        std::vector<int> sizes;
        std::function<std::string(int)> make;
    };
    const std::vector<int> terms = {1000, 2500, 5000, 9990, 10010, 20000};
    const Family families[] = {
        {"chain", {5, 10, 15, 20, 25, 30, 40}, chainedSubexpressions},
        {"sum", terms, flatSum},
        {"product", terms, flatProduct},
        {"and", terms, andChain},
        {"reset", terms, longReset},
        {"shared", {1000, 5000, 9000, 9990}, sharedByStatements},
        {"brackets", {25, 50, 100, 200, 201}, brackets},
    };
    for (const Family& family : families) {
        if (argc > 1 && std::strcmp(argv[1], family.name) != 0)
            continue;
        for (int size : family.sizes)
            measure(family.name, size, family.make(size));
    }
    return 0;
}
