#pragma once

#include "runtime/GroupState.h"
#include "runtime/MemoryWatch.h"
#include "runtime/RandomGenerator.h"
#include "runtime/RunResults.h"
#include "runtime/Scheduler.h"
#include "runtime/SolverWatch.h"
#include "runtime/StepBoundaryTasks.h"
#include "runtime/SynapseState.h"
#include "runtime/WorkerPool.h"

#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace spikestudio {

/// A model ready to run: its arrays, monitors' records, the live values of
/// its constants, the random generator and the scheduled operations.
/// Containers are deques so that addresses handed to kernels stay valid.
class Network {
public:
    explicit Network(std::uint32_t seed) : random_(seed) {}

    Scheduler& scheduler() { return scheduler_; }
    const Scheduler& scheduler() const { return scheduler_; }
    RandomGenerator& random() { return random_; }
    /// The threads kernels with independent elements share their work on
    /// (one, the caller, until a run asks for more).
    WorkerPool& workers() { return workers_; }
    const WorkerPool& workers() const { return workers_; }
    std::vector<double>& constants() { return constants_; }

    std::deque<GroupState>& groups() { return groups_; }
    std::deque<SynapseState>& synapses() { return synapses_; }
    const std::deque<SynapseState>& synapses() const { return synapses_; }
    const std::deque<GroupState>& groups() const { return groups_; }
    std::deque<SpikeRecord>& spikeRecords() { return results_.spikes; }
    std::deque<StateRecord>& stateRecords() { return results_.states; }
    std::deque<RateRecord>& rateRecords() { return results_.rates; }
    const std::deque<SpikeRecord>& spikeRecords() const { return results_.spikes; }
    const std::deque<StateRecord>& stateRecords() const { return results_.states; }
    const std::deque<RateRecord>& rateRecords() const { return results_.rates; }

    /// What the monitors recorded so far: all that outputs (CSV, plots) read.
    const RunResults& results() const { return results_; }

    /// TimedArray values (SI, row-major) by name; kernels read them in place.
    std::map<std::string, std::vector<double>>& timedArrays() { return timedArrays_; }

    /// Keeps compiled code (or anything kernels point into) alive with the network.
    void keepAlive(std::shared_ptr<const void> object) { keepAlive_.push_back(std::move(object)); }
    /// The groups whose state update and threshold run as one kernel
    /// (the build decides; live edits rebuild them so).
    std::set<std::string>& fusedThresholds() { return fusedThresholds_; }
    const std::set<std::string>& fusedThresholds() const { return fusedThresholds_; }

    /// Work for the simulation thread between two steps (any thread may post).
    StepBoundaryTasks& betweenSteps() { return betweenSteps_; }

    /// Stops a run whose records or spikes in flight would not fit in memory;
    /// its problem() says why (NetworkBuilder sets its limit).
    MemoryWatch& memoryWatch() { return memoryWatch_; }
    const MemoryWatch& memoryWatch() const { return memoryWatch_; }
    /// Stops a run once a GSL solver failed; its problem() says where.
    SolverWatch& solverWatch() { return solverWatch_; }
    const SolverWatch& solverWatch() const { return solverWatch_; }

    /// Runs for `duration` seconds; `keepGoing` may stop it between steps, and
    /// so do the memory and solver watches.
    long long run(double duration, const std::function<bool()>& keepGoing = {}) {
        return scheduler_.run(duration, [&] {
            betweenSteps_.runPending();
            return memoryWatch_.keepGoing(*this) && solverWatch_.keepGoing(*this) &&
                   (!keepGoing || keepGoing());
        });
    }

private:
    Scheduler scheduler_;
    WorkerPool workers_;
    RandomGenerator random_;
    std::vector<double> constants_;
    std::deque<GroupState> groups_;
    std::deque<SynapseState> synapses_;
    RunResults results_;
    std::map<std::string, std::vector<double>> timedArrays_;
    std::vector<std::shared_ptr<const void>> keepAlive_;
    std::set<std::string> fusedThresholds_;
    StepBoundaryTasks betweenSteps_;
    MemoryWatch memoryWatch_;
    SolverWatch solverWatch_;
};

} // namespace spikestudio
