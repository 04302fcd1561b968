#include "SeedProject.h"

#include "BaseModel.h"
#include "ScratchDirectory.h"
#include "model/ModelWriter.h"
#include "runtime/Network.h"
#include "storage/Project.h"
#include "storage/RunWriter.h"

#include <fstream>
#include <sstream>

namespace spikestudio::fuzz {

namespace {

constexpr double kDt = 1e-4;

Dimension volt() {
    return Dimension::metre() * Dimension::metre() * Dimension::kilogram() *
           Dimension::base(2, -3) * Dimension::base(3, -1);
}

/// A run whose records are filled by scheduled operations, as kernels fill them.
void recordOnGrid(Project& project, const std::string& modelJson) {
    Network network(1);
    SpikeRecord& spikes = network.spikeRecords().emplace_back();
    spikes = {{"spikes", "G", kDt}, {}, {}, std::vector<std::int64_t>(4, 0)};
    StateRecord& trace = network.stateRecords().emplace_back();
    trace.monitor = "trace";
    trace.source = "G";
    trace.dt = kDt;
    trace.columns = {{"v", 0, volt()}, {"s", 3, Dimension()}};
    RateRecord& rate = network.rateRecords().emplace_back();
    rate = {{"rate", "G", kDt}, {}, {}};
    Clock& clock = network.scheduler().clockFor(kDt);
    network.scheduler().add(
        {ScheduleSlot::Groups, 0, "spikes", &clock, [&] {
             const std::int32_t events[] = {static_cast<std::int32_t>(clock.timestep() % 4), 3};
             spikes.append(events, clock.timestep() % 3 == 0 ? 2 : 1, clock.t());
         }});
    network.scheduler().add({ScheduleSlot::Groups, 1, "trace", &clock, [&] {
                                 trace.times.push_back(clock.t());
                                 trace.values.insert(trace.values.end(), {-0.06, 0.5 * clock.t()});
                             }});
    network.scheduler().add({ScheduleSlot::Groups, 2, "rate", &clock, [&] {
                                 rate.times.push_back(clock.t());
                                 rate.rates.push_back(static_cast<double>(clock.timestep() % 7));
                             }});
    RunWriter writer(project, network, {modelJson, 0.002, kDt, 1});
    int steps = 0;
    network.run(0.002, [&] {
        if (++steps % 8 == 0)
            writer.flush();
        return true;
    });
    writer.setTimings(1.5, 2.5);
    writer.finish(RunStatus::Finished);
}

/// A run with spike times off any time grid (stored as spike_times), stopped.
void recordOffGrid(Project& project, const std::string& modelJson) {
    Network network(2);
    SpikeRecord& spikes = network.spikeRecords().emplace_back();
    spikes = {{"late", "P"}, {}, {}, std::vector<std::int64_t>(3, 0)};
    const std::int32_t events[] = {2, 0};
    spikes.append(events, 2, 0.00013);
    spikes.append(events + 1, 1, 0.0007);
    RunWriter writer(project, network, {modelJson, 0.001, kDt, 2});
    writer.finish(RunStatus::Stopped, "stopped by the user");
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    return bytes.str();
}

std::string buildSeed() {
    const std::string path = ScratchDirectory::writeFile("seed.spikestudio", "");
    {
        Project project(path);
        const std::string modelJson = writeModelJson(baseModel());
        project.saveModel(modelJson, R"({"G": [0, 0], "P": [120, 40]})");
        recordOnGrid(project, modelJson);
        recordOffGrid(project, modelJson);
        // Small pages and no journal file: a compact seed that opens as it is.
        project.database().execute("PRAGMA journal_mode = DELETE; PRAGMA page_size = 1024; VACUUM");
    }
    return readFile(path);
}

} // namespace

const std::string& seedProjectBytes() {
    static const std::string bytes = buildSeed();
    return bytes;
}

} // namespace spikestudio::fuzz
