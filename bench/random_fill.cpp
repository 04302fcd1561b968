// How fast numpy's random stream is drawn: one call per number (as a kernel
// that draws itself takes them) against a block drawn ahead (as BoundKernel
// fills a kernel's numbers before a call). Medians of several runs of
// 10 million numbers each; the numbers are the same bits either way
// (tst_mersenne_twister).
//   build/bench/random_fill [runs]
#include "runtime/RandomGenerator.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <vector>

using namespace spikestudio;

namespace {

constexpr std::size_t kBlock = 10'000; // one step of a 10,000-neuron Poisson group
constexpr int kBlocks = 1'000;

template <typename Draw> double nanosecondsPerNumber(Draw draw) {
    std::vector<double> numbers(kBlock);
    const auto start = std::chrono::steady_clock::now();
    for (int block = 0; block < kBlocks; ++block)
        draw(numbers);
    const std::chrono::duration<double, std::nano> took = std::chrono::steady_clock::now() - start;
    return took.count() / double(kBlock * kBlocks);
}

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

} // namespace

int main(int argc, char** argv) {
    const int runs = argc > 1 ? std::max(1, std::atoi(argv[1])) : 5;
    RandomGenerator generator(1);
    std::vector<double> oneByOne, ahead, normalsOneByOne, normalsAhead;
    for (int run = 0; run < runs; ++run) {
        oneByOne.push_back(nanosecondsPerNumber([&](std::vector<double>& out) {
            for (double& number : out)
                number = spikestudio_rand(&generator);
        }));
        ahead.push_back(nanosecondsPerNumber(
            [&](std::vector<double>& out) { generator.fillUniform(out.data(), out.size()); }));
        normalsOneByOne.push_back(nanosecondsPerNumber([&](std::vector<double>& out) {
            for (double& number : out)
                number = spikestudio_randn(&generator);
        }));
        normalsAhead.push_back(nanosecondsPerNumber(
            [&](std::vector<double>& out) { generator.fillNormal(out.data(), out.size()); }));
    }
    std::printf("rand():  %.2f ns a number one call each, %.2f ns drawn ahead (%.2fx)\n",
                median(oneByOne), median(ahead), median(oneByOne) / median(ahead));
    std::printf("randn(): %.2f ns a number one call each, %.2f ns drawn ahead (%.2fx)\n",
                median(normalsOneByOne), median(normalsAhead),
                median(normalsOneByOne) / median(normalsAhead));
    std::printf("medians of %d runs of %d numbers each\n", runs, int(kBlock) * kBlocks);
}
