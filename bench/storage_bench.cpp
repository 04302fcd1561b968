// Storage figures: recording 1 million spikes and 10 million state samples
// into a project (seconds, and file bytes per stored value), and how much
// recording to a project slows the CUBA network (resources/examples/cuba.json).
// Results are written as a run writes them: in flushes during the run, then
// finish(). Prints medians of several runs.
#include "engine/NetworkBuilder.h"
#include "model/ModelReader.h"
#include "storage/Project.h"
#include "storage/RunWriter.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

using namespace spikestudio;
using Stopwatch = std::chrono::steady_clock;

namespace {

constexpr int kRepeats = 5;
constexpr int kFlushes = 10; // a run's periodic flushes
constexpr double kDt = 1e-4;

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

double secondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

/// A network holding only records: `spikes` spikes over 100k steps of 1000
/// neurons, or a state monitor of `columns` columns x `rows` rows.
struct SyntheticRun {
    Network network{1};
    Clock* clock = &network.scheduler().clockFor(kDt);

    SyntheticRun() {
        network.scheduler().add(Operation{ScheduleSlot::Thresholds, 1, "spikes", clock, [] {}});
        network.scheduler().add(Operation{ScheduleSlot::Start, 0, "trace", clock, [] {}});
    }
};

/// Records `total` values in kFlushes slices, flushing after each; returns
/// seconds spent in the writer (the recording itself is not timed).
template <typename Append>
double recordInFlushes(const std::string& path, SyntheticRun& run, Append append) {
    Project project(path);
    double seconds = 0.0;
    auto start = Stopwatch::now();
    RunWriter writer(project, run.network, {"{}", 10.0, kDt, 1});
    seconds += secondsSince(start);
    for (int flush = 0; flush < kFlushes; ++flush) {
        append(flush);
        start = Stopwatch::now();
        flush + 1 < kFlushes ? writer.flush() : writer.finish(RunStatus::Finished);
        seconds += secondsSince(start);
    }
    return seconds;
}

void benchSpikes(const std::string& path) {
    constexpr std::int64_t kSpikes = 1'000'000;
    constexpr int kNeurons = 1000;
    std::vector<double> seconds, bytes;
    for (int repeat = 0; repeat < kRepeats; ++repeat) {
        std::filesystem::remove(path);
        SyntheticRun run;
        SpikeRecord& record = run.network.spikeRecords().emplace_back();
        record.monitor = "spikes";
        record.source = "G";
        record.dt = kDt;
        record.countPerNeuron.assign(kNeurons, 0);
        std::mt19937 random(static_cast<unsigned>(repeat));
        std::vector<std::int32_t> events(10);
        seconds.push_back(recordInFlushes(path, run, [&](int) {
            // 10 spikes per step, random neurons: 10,000 steps per flush.
            for (std::int64_t s = 0; s < kSpikes / kFlushes / 10; ++s) {
                for (auto& event : events)
                    event = static_cast<std::int32_t>(random() % kNeurons);
                std::sort(events.begin(), events.end());
                record.append(events.data(), 10, run.clock->t());
                run.clock->tick();
            }
        }));
        bytes.push_back(static_cast<double>(std::filesystem::file_size(path)) / kSpikes);
    }
    std::printf("1,000,000 spikes:        %.3f s, %.2f bytes per spike (file size / spikes)\n",
                median(seconds), median(bytes));
}

void benchStates(const std::string& path) {
    constexpr std::int64_t kColumns = 100, kRows = 100'000;
    std::vector<double> seconds, bytes;
    for (int repeat = 0; repeat < kRepeats; ++repeat) {
        std::filesystem::remove(path);
        SyntheticRun run;
        StateRecord& record = run.network.stateRecords().emplace_back();
        record.monitor = "trace";
        record.source = "G";
        record.dt = kDt;
        for (std::int64_t c = 0; c < kColumns; ++c)
            record.columns.push_back({"v", c, Dimension::volt()});
        std::mt19937_64 random(static_cast<unsigned>(repeat));
        std::normal_distribution<double> noise(-0.06, 0.005);
        seconds.push_back(recordInFlushes(path, run, [&](int) {
            for (std::int64_t r = 0; r < kRows / kFlushes; ++r) {
                record.times.push_back(run.clock->t());
                for (std::int64_t c = 0; c < kColumns; ++c)
                    record.values.push_back(noise(random));
                run.clock->tick();
            }
        }));
        bytes.push_back(static_cast<double>(std::filesystem::file_size(path)) / (kColumns * kRows));
    }
    std::printf("10,000,000 state samples: %.3f s, %.2f bytes per sample (100 columns x 100,000 "
                "rows; 8 of them the time column)\n",
                median(seconds), median(bytes));
}

std::string readText(const std::string& path) {
    std::ifstream in(path);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// Simulation seconds of CUBA, with or without recording into a project
/// (flushing once a second, as the CLI does, plus finish()).
double cubaSeconds(const CheckedModel& model, const std::string& json, const std::string* path) {
    auto network = buildNetwork(model);
    if (!path) {
        const auto start = Stopwatch::now();
        network->run(model.duration);
        return secondsSince(start);
    }
    std::filesystem::remove(*path);
    Project project(*path);
    const auto start = Stopwatch::now();
    RunWriter writer(project, *network, {json, model.duration, model.dt, model.seed});
    network->run(model.duration, [&writer] { return writer.flushIfDue(); });
    writer.finish(RunStatus::Finished);
    return secondsSince(start);
}

void benchCuba(const std::string& path) {
    const std::string json = readText(SPIKESTUDIO_SOURCE_DIR "/resources/examples/cuba.json");
    const CheckedModel model = checkModel(readModel(json));
    std::vector<double> plain, recorded;
    for (int repeat = 0; repeat < kRepeats; ++repeat) {
        plain.push_back(cubaSeconds(model, json, nullptr));
        recorded.push_back(cubaSeconds(model, json, &path));
    }
    std::printf("CUBA 1 s simulated:      %.3f s without a project, %.3f s recording into one "
                "(%+.1f%%)\n",
                median(plain), median(recorded), 100.0 * (median(recorded) / median(plain) - 1.0));
}

} // namespace

int main() {
    const std::filesystem::path directory =
        std::filesystem::temp_directory_path() / "spikestudio_storage_bench";
    std::filesystem::create_directories(directory);
    const std::string path = (directory / "bench.spikestudio").string();
    std::printf("storage_bench: medians of %d runs, %d flushes per run\n", kRepeats, kFlushes);
    benchSpikes(path);
    benchStates(path);
    benchCuba(path);
    std::filesystem::remove_all(directory);
    return 0;
}
