#include "NetworkBuilder.h"

#include "BoundKernel.h"
#include "KernelCache.h"
#include "KernelWriter.h"
#include "SynapsesKernelWriter.h"
#include "diagnostics/ModelError.h"
#include "runtime/InitialValues.h"
#include "runtime/MemoryBudget.h"
#include "runtime/SpikeGenerator.h"
#include "runtime/SynapseConnector.h"
#include "runtime/SynapseValues.h"

#include <chrono>
#include <cmath>
#include <map>
#include <new>

namespace spikestudio {

namespace {

using Stopwatch = std::chrono::steady_clock;

double millisecondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

class Builder {
public:
    Builder(const CheckedModel& model, BuildReport& report, const std::atomic<bool>* cancel)
        : model_(model), report_(report), owned_(std::make_unique<Network>(model.seed)),
          network_(owned_.get()), cancel_(cancel) {}

    /// For rebuilding kernels against a network that exists (and may be running).
    Builder(const CheckedModel& model, BuildReport& report, Network& existing)
        : model_(model), report_(report), network_(&existing), rebinding_(true) {}

    std::unique_ptr<Network> run() {
        collectConstants();
        checkMemory();
        for (const CheckedTimedArray& array : model_.timedArrays)
            network_->timedArrays()[array.name] = array.values;
        const auto setupStart = Stopwatch::now();
        for (const CheckedGroup& group : model_.groups) {
            stopIfCancelled();
            allocate(group);
        }
        for (const CheckedSynapses& synapses : model_.synapses) {
            stopIfCancelled();
            allocateSynapses(synapses);
        }
        report_.setupMilliseconds += millisecondsSince(setupStart);
        for (size_t k = 0; k < model_.groups.size(); ++k)
            scheduleGroup(model_.groups[k], network_->groups()[k]);
        for (size_t k = 0; k < model_.synapses.size(); ++k)
            scheduleSynapses(model_.synapses[k], network_->synapses()[k]);
        for (const CheckedPoissonInput& input : model_.poissonInputs)
            schedulePoissonInput(input);
        for (const CheckedMonitor& monitor : model_.monitors)
            scheduleMonitor(monitor);
        return std::move(owned_);
    }

    /// The neuron groups' kernels built against the existing arrays, not
    /// scheduled: they are in the report, with the constants' new values.
    std::vector<double> rebindGroupKernels() {
        for (const auto& [name, text] : model_.model.constants) {
            constantNames_.push_back(name);
            values_.push_back(model_.constants->lookup(name)->value);
        }
        for (size_t k = 0; k < model_.groups.size(); ++k)
            if (model_.groups[k].type != GroupType::SpikeGeneratorGroup)
                scheduleGroup(model_.groups[k], network_->groups()[k]);
        return values_;
    }

private:
    void stopIfCancelled() const {
        if (cancel_ && cancel_->load())
            throw BuildCancelled();
    }

    void collectConstants() {
        for (const auto& [name, text] : model_.model.constants) {
            constantNames_.push_back(name);
            network_->constants().push_back(model_.constants->lookup(name)->value);
        }
    }

    /// Estimates arrays and state monitor buffers before allocating any.
    void checkMemory() const {
        MemoryBudget budget;
        for (const CheckedGroup& group : model_.groups)
            budget.claim(static_cast<double>(group.size) *
                             (8.0 * static_cast<double>(group.stateVariables.size()) + 4.0),
                         group.name, "N", std::to_string(group.size) + " neurons");
        for (const CheckedMonitor& monitor : model_.monitors) {
            if (monitor.spec->type != MonitorType::State || monitor.ofSynapses)
                continue;
            const double rows = std::ceil(model_.duration / monitor.dt) + 1.0;
            const double columns =
                static_cast<double>(monitor.variables.size() * monitor.indices.size()) + 1.0;
            budget.claim(8.0 * rows * columns, monitor.spec->name, "record",
                         "recording " + std::to_string(static_cast<long long>(columns - 1)) +
                             " values for " + std::to_string(static_cast<long long>(rows)) +
                             " steps");
        }
    }

    void allocate(const CheckedGroup& checked) {
        GroupState& group = network_->groups().emplace_back();
        group.name = checked.name;
        group.size = checked.size;
        group.clock = &network_->scheduler().clockFor(checked.dt);
        const auto size = static_cast<size_t>(checked.size);
        try {
            for (const std::string& name : checked.stateVariables) {
                const double initial = name == "not_refractory" ? 1.0
                                       : name == "lastspike"    ? -1e4
                                                                : 0.0;
                group.variables[name].assign(size, initial);
            }
            group.events.assign(size + 1, 0);
        } catch (const std::bad_alloc&) {
            throw ModelError({checked.name, "N", 0, 0}, "cannot allocate memory for " +
                                                            std::to_string(checked.size) +
                                                            " neurons");
        } catch (const std::length_error&) {
            throw ModelError({checked.name, "N", 0, 0}, "N is too large to allocate");
        }
        applyInitialValues(checked.initial, *checked.scope, group, network_->random());
    }

    std::shared_ptr<BoundKernel> compile(const std::string& name, const KernelSource& source,
                                         GroupState& group) {
        auto bound = compileUnbound(name, source);
        bound->context.size = group.size;
        bound->context.events = group.events.data();
        for (const std::string& array : source.arrays)
            bound->arrays.push_back(array.starts_with("@")        ? nullptr
                                    : array.starts_with("timed:") ? timedArray(array)
                                                                  : group.variable(array).data());
        return bound;
    }

    /// Synapse kernels reach their own arrays, by "pre:"/"post:" keys the groups',
    /// by "count:" keys N_incoming and N_outgoing per neuron.
    std::shared_ptr<BoundKernel> compile(const std::string& name, const KernelSource& source,
                                         SynapseState& synapses) {
        auto bound = compileUnbound(name, source);
        bound->context.size = synapses.size();
        bound->context.pre = synapses.pre.data();
        bound->context.post = synapses.post.data();
        for (const std::string& array : source.arrays) {
            if (array.starts_with("@"))
                bound->arrays.push_back(nullptr);
            else if (array.starts_with("timed:"))
                bound->arrays.push_back(timedArray(array));
            else if (array.starts_with("pre:"))
                bound->arrays.push_back(synapses.source->variable(array.substr(4)).data());
            else if (array.starts_with("post:"))
                bound->arrays.push_back(synapses.target->variable(array.substr(5)).data());
            else if (array.starts_with("count:"))
                bound->arrays.push_back(countsPerNeuron(synapses, array.substr(6)).data());
            else
                bound->arrays.push_back(perSynapseArray(synapses, array).data());
        }
        return bound;
    }

    /// The values of the TimedArray a "timed:NAME" key names.
    double* timedArray(const std::string& key) {
        return network_->timedArrays().at(key.substr(6)).data();
    }

    std::shared_ptr<BoundKernel> compileUnbound(const std::string& name,
                                                const KernelSource& source) {
        stopIfCancelled();
        bool cached = false;
        const auto compileStart = Stopwatch::now();
        auto kernel = KernelCache::instance().get(source.code, &cached);
        const double milliseconds = cached ? 0.0 : millisecondsSince(compileStart);
        report_.compileMilliseconds += milliseconds;
        auto bound = std::make_shared<BoundKernel>();
        bound->kernel = kernel;
        bound->constants = &network_->constants();
        bound->context.rng = &network_->random();
        report_.kernels.push_back({name, milliseconds, cached, source.code, bound});
        return bound;
    }

    void schedule(ScheduleSlot slot, int order, const std::string& name,
                  std::shared_ptr<BoundKernel> kernel, Clock* clock) {
        if (rebinding_) // the report holds the kernel; the old operation will call it
            return;
        network_->keepAlive(kernel);
        BoundKernel* raw = kernel.get();
        network_->scheduler().add(
            Operation{slot, order, name, clock, [raw, clock] { raw->call(*clock); }});
    }

    KernelSource timed(KernelSource (KernelWriter::*write)() const, const KernelWriter& writer) {
        stopIfCancelled();
        const auto start = Stopwatch::now();
        KernelSource source = (writer.*write)();
        report_.codegenMilliseconds += millisecondsSince(start);
        return source;
    }

    void scheduleSpikeGenerator(const CheckedGroup& checked, GroupState& group) {
        auto generator = std::make_shared<SpikeGenerator>(checked.spikeIndices, checked.spikeTimes,
                                                          checked.period, checked.dt);
        network_->keepAlive(generator);
        GroupState* state = &group;
        Clock* clock = group.clock;
        network_->scheduler().add(
            Operation{ScheduleSlot::Thresholds, 0, checked.name + "_spikegenerator", clock,
                      [generator, state, clock] {
                          generator->emit(clock->timestep(), state->events.data(), state->size);
                      }});
    }

    void scheduleGroup(const CheckedGroup& checked, GroupState& group) {
        if (checked.type == GroupType::SpikeGeneratorGroup)
            return scheduleSpikeGenerator(checked, group);
        const KernelWriter writer(checked, constantNames_);
        const KernelSource subexpressions = timed(&KernelWriter::constantOverDt, writer);
        if (!subexpressions.code.empty())
            schedule(ScheduleSlot::BeforeStart, 0, checked.name + "_subexpression_update",
                     compile(checked.name + " constant over dt", subexpressions, group),
                     group.clock);
        if (!checked.stateUpdate.empty())
            schedule(ScheduleSlot::Groups, 0, checked.name + "_stateupdater",
                     compile(checked.name + " state update",
                             timed(&KernelWriter::stateUpdate, writer), group),
                     group.clock);
        if (!checked.threshold)
            return;
        schedule(
            ScheduleSlot::Thresholds, 0, checked.name + "_spike_thresholder",
            compile(checked.name + " threshold", timed(&KernelWriter::threshold, writer), group),
            group.clock);
        const KernelSource reset = timed(&KernelWriter::reset, writer);
        if (!reset.code.empty())
            schedule(ScheduleSlot::Resets, 0, checked.name + "_spike_resetter",
                     compile(checked.name + " reset", reset, group), group.clock);
    }

    /// Brian2 runs a PoissonInput in the synapses slot with order 0, between the
    /// pre (-1) and post (+1) pathways. No inputs, or a zero rate, draw nothing.
    void schedulePoissonInput(const CheckedPoissonInput& input) {
        if (input.count == 0 || input.probability == 0.0)
            return;
        const CheckedGroup& checked = model_.groups[input.target];
        GroupState& group = network_->groups()[input.target];
        const KernelWriter writer(checked, constantNames_);
        const auto start = Stopwatch::now();
        const KernelSource source = writer.poissonInput(input);
        report_.codegenMilliseconds += millisecondsSince(start);
        schedule(ScheduleSlot::Synapses, 0, input.scheduleName,
                 compile(input.name + " PoissonInput", source, group), group.clock);
    }

    /// Creates the synapses (connect, delays, initial values), as Brian2 does
    /// in model order after every group, so the random stream matches.
    void allocateSynapses(const CheckedSynapses& checked) {
        SynapseState& synapses = network_->synapses().emplace_back();
        synapses.name = checked.name;
        synapses.source = &network_->groups()[checked.source];
        synapses.target = &network_->groups()[checked.target];
        synapses.clock = &network_->scheduler().clockFor(checked.dt);
        SynapseIndices indices;
        try {
            indices = connectSynapses(checked.connect, *synapses.source, *synapses.target,
                                      *model_.constants, network_->random());
        } catch (const ModelError& error) {
            throw error.locatedIn(checked.name, "connect");
        } catch (const std::bad_alloc&) {
            throw ModelError({checked.name, "connect", 0, 0},
                             "cannot allocate memory for the synapses");
        }
        synapses.pre = std::move(indices.pre);
        synapses.post = std::move(indices.post);
        claimSynapseMemory(checked, synapses.size());
        const auto count = static_cast<size_t>(synapses.size());
        for (const std::string& name : checked.stateVariables)
            synapses.variables[name].assign(count, 0.0);
        if (checked.delay)
            setDelays(checked, synapses);
        applySynapseInitialValues(checked.initial, *checked.scope, synapses, network_->random());
    }

    /// What the synapses keep, at most: pre and post, the variables, the
    /// delays (when they differ, with their queue's steps) and the ids of each
    /// queue whose synapses are not grouped by source (see SpikeQueue).
    void claimSynapseMemory(const CheckedSynapses& checked, long long count) const {
        double perSynapse = 4.0 * 2 + 8.0 * static_cast<double>(checked.stateVariables.size());
        if (checked.delay)
            perSynapse += 8.0 + 4.0;
        for (const CheckedPathway& pathway : checked.pathways)
            if (pathway.side == SynapseSide::Post ||
                checked.connect.form != ConnectSpec::Form::Rule)
                perSynapse += 4.0;
        MemoryBudget().claim(perSynapse * static_cast<double>(count), checked.name, "connect",
                             std::to_string(count) + " synapses");
    }

    /// A delay that is the same for all synapses stays one value.
    void setDelays(const CheckedSynapses& checked, SynapseState& synapses) {
        Column delays =
            evaluatePerSynapse(checked.delay, *checked.scope, synapses, network_->random());
        const auto count = static_cast<size_t>(synapses.size());
        for (size_t k = 0; k < (delays.uniform ? std::min<size_t>(1, count) : count); ++k)
            checkDelay(checked, k, delays.at(k));
        if (delays.uniform) {
            synapses.uniformDelay = delays.value;
            return;
        }
        synapses.variables["delay"] = std::move(delays.values);
        synapses.uniformDelay.reset();
    }

    static void checkDelay(const CheckedSynapses& checked, size_t synapse, double delay) {
        if (!(delay >= 0.0) || !std::isfinite(delay))
            throw ModelError({checked.name, "delay", 0, 0},
                             "the delay of synapse " + std::to_string(synapse) + " is " +
                                 std::to_string(delay) + " s; delays must be non-negative");
    }

    /// Delay steps as Brian2's queue rounds them: (int)(delay / dt + 0.5).
    static std::vector<std::int32_t> delaySteps(const SynapseState& synapses, double dt) {
        const auto steps = [dt](double delay) {
            return static_cast<std::int32_t>(delay / dt + 0.5);
        };
        if (synapses.size() == 0)
            return {};
        if (synapses.uniformDelay)
            return {steps(*synapses.uniformDelay)};
        const std::vector<double>& delay = synapses.variables.at("delay");
        std::vector<std::int32_t> result(delay.size());
        for (size_t k = 0; k < delay.size(); ++k)
            result[k] = steps(delay[k]);
        return result;
    }

    void scheduleSynapses(const CheckedSynapses& checked, SynapseState& synapses) {
        const CheckedGroup& source = model_.groups[checked.source];
        const CheckedGroup& target = model_.groups[checked.target];
        const SynapsesKernelWriter writer(checked, source, target, constantNames_);
        if (!checked.stateUpdate.empty())
            schedule(ScheduleSlot::Groups, 0, checked.name + "_stateupdater",
                     compile(checked.name + " state update",
                             timedSource([&] { return writer.stateUpdate(); }), synapses),
                     synapses.clock);
        for (const CheckedSummedVariable& summed : checked.summed)
            scheduleSummed(checked, synapses, writer, summed);
        for (const CheckedPathway& pathway : checked.pathways)
            schedulePathway(checked, synapses, writer, pathway);
    }

    KernelSource timedSource(const std::function<KernelSource()>& write) {
        stopIfCancelled();
        const auto start = Stopwatch::now();
        KernelSource source = write();
        report_.codegenMilliseconds += millisecondsSince(start);
        return source;
    }

    void scheduleSummed(const CheckedSynapses& checked, SynapseState& synapses,
                        const SynapsesKernelWriter& writer, const CheckedSummedVariable& summed) {
        GroupState& written =
            summed.side == SynapseSide::Post ? *synapses.target : *synapses.source;
        const std::string name = checked.name + "_summed_variable_" + summed.variable +
                                 (summed.side == SynapseSide::Post ? "_post" : "_pre");
        auto bound = compile(name, timedSource([&] { return writer.summed(summed); }), synapses);
        bound->arrays[0] = written.variable(summed.variable).data();
        bound->context.targetSize = written.size;
        // Brian2: slot groups, just before the written group's state update.
        schedule(ScheduleSlot::Groups, -1, name, bound, written.clock);
    }

    void schedulePathway(const CheckedSynapses& checked, SynapseState& synapses,
                         const SynapsesKernelWriter& writer, const CheckedPathway& pathway) {
        const bool pre = pathway.side == SynapseSide::Pre;
        GroupState& trigger = pre ? *synapses.source : *synapses.target;
        SpikeQueue& queue = synapses.queues.emplace_back();
        try {
            queue.prepare(pre ? synapses.pre : synapses.post, trigger.size,
                          pre ? delaySteps(synapses, trigger.clock->dt())
                              : std::vector<std::int32_t>{});
        } catch (const std::invalid_argument& error) {
            throw ModelError({checked.name, "delay", 0, 0}, error.what());
        }
        const std::string name = checked.name + (pre ? "_pre" : "_post");
        auto bound = compile(name, timedSource([&] { return writer.pathway(pathway); }), synapses);
        bound->context.queue = &queue;
        bound->context.events = trigger.events.data();
        bound->context.sourceSize = trigger.size;
        // Brian2: slot synapses on the triggering group's clock, pre (-1) before post (+1).
        schedule(ScheduleSlot::Synapses, pre ? -1 : 1, name, bound, trigger.clock);
    }

    void scheduleMonitor(const CheckedMonitor& monitor) {
        if (monitor.ofSynapses)
            return scheduleSynapseStateMonitor(monitor);
        GroupState& group = network_->groups()[monitor.group];
        const MonitorSpec& spec = *monitor.spec;
        switch (spec.type) {
        case MonitorType::Spike:
            scheduleSpikeMonitor(spec, group);
            break;
        case MonitorType::PopulationRate:
            scheduleRateMonitor(spec, group);
            break;
        case MonitorType::State:
            scheduleStateMonitor(monitor, group);
            break;
        }
    }

    void scheduleSpikeMonitor(const MonitorSpec& spec, GroupState& group) {
        SpikeRecord& record = network_->spikeRecords().emplace_back();
        record.monitor = spec.name;
        record.source = group.name;
        record.countPerNeuron.assign(static_cast<size_t>(group.size), 0);
        GroupState* source = &group;
        Clock* clock = group.clock;
        // Brian2 runs the SpikeMonitor right after its source's thresholder.
        network_->scheduler().add(
            Operation{ScheduleSlot::Thresholds, 1, spec.name, clock, [&record, source, clock] {
                          record.append(source->events.data(), source->spikeCount(), clock->t());
                      }});
    }

    void scheduleRateMonitor(const MonitorSpec& spec, GroupState& group) {
        RateRecord& record = network_->rateRecords().emplace_back();
        record.monitor = spec.name;
        record.source = group.name;
        GroupState* source = &group;
        Clock* clock = group.clock;
        network_->scheduler().add(
            Operation{ScheduleSlot::End, 0, spec.name, clock, [&record, source, clock] {
                          record.times.push_back(clock->t());
                          record.rates.push_back(static_cast<double>(source->spikeCount()) /
                                                 (static_cast<double>(source->size) * clock->dt()));
                      }});
    }

    void scheduleStateMonitor(const CheckedMonitor& monitor, GroupState& group) {
        const CheckedGroup& checked = model_.groups[monitor.group];
        const KernelWriter writer(checked, constantNames_);
        auto bound =
            compile(monitor.spec->name + " state monitor",
                    timedSource([&] { return writer.stateMonitor(monitor.variables); }), group);
        recordStates(monitor, monitor.indices, bound, group.name);
    }

    /// Schedules a state monitor's kernel: each recorded step appends a row.
    void recordStates(const CheckedMonitor& monitor, const std::vector<long long>& recorded,
                      const std::shared_ptr<BoundKernel>& bound, const std::string& source) {
        StateRecord& record = network_->stateRecords().emplace_back();
        record.monitor = monitor.spec->name;
        record.source = source;
        for (size_t v = 0; v < monitor.variables.size(); ++v)
            for (long long index : recorded)
                record.columns.push_back(
                    {monitor.spec->variables[v], index, monitor.dimensions[v]});
        auto indices =
            std::make_shared<std::vector<std::int32_t>>(recorded.begin(), recorded.end());
        network_->keepAlive(indices);
        bound->arrays[0] = indices->data();
        bound->context.size = static_cast<std::int64_t>(indices->size());
        network_->keepAlive(bound);
        Clock* clock = &network_->scheduler().clockFor(monitor.dt);
        BoundKernel* raw = bound.get();
        const size_t columns = record.columns.size();
        // Reserved up front (checkMemory counted it): appending never moves
        // the buffer, so readers may keep pointers into it.
        const auto rows = static_cast<size_t>(std::ceil(model_.duration / monitor.dt)) + 1;
        if (monitor.ofSynapses)
            MemoryBudget().claim(8.0 * static_cast<double>(rows * (columns + 1)),
                                 monitor.spec->name, "record",
                                 "recording " + std::to_string(columns) + " values for " +
                                     std::to_string(rows) + " steps");
        record.times.reserve(rows);
        record.values.reserve(rows * columns);
        network_->scheduler().add(Operation{
            ScheduleSlot::Start, 0, monitor.spec->name, clock, [raw, &record, clock, columns] {
                record.times.push_back(clock->t());
                record.values.resize(record.values.size() + columns);
                raw->arrays[1] = record.values.data() + record.values.size() - columns;
                raw->call(*clock);
            }});
    }

    void scheduleSynapseStateMonitor(const CheckedMonitor& monitor) {
        const CheckedSynapses& checked = model_.synapses[monitor.group];
        SynapseState& synapses = network_->synapses()[monitor.group];
        std::vector<long long> indices = monitor.indices;
        if (monitor.spec->recordAll)
            for (long long k = 0; k < synapses.size(); ++k)
                indices.push_back(k);
        for (long long index : indices)
            if (index >= synapses.size())
                throw ModelError({monitor.spec->name, "record", 0, 0},
                                 "index " + std::to_string(index) + " is out of range for '" +
                                     checked.name + "' with " + std::to_string(synapses.size()) +
                                     " synapses");
        const SynapsesKernelWriter writer(checked, model_.groups[checked.source],
                                          model_.groups[checked.target], constantNames_);
        auto bound =
            compile(monitor.spec->name + " state monitor",
                    timedSource([&] { return writer.stateMonitor(monitor.variables); }), synapses);
        recordStates(monitor, indices, bound, checked.name);
    }

    const CheckedModel& model_;
    BuildReport& report_;
    std::unique_ptr<Network> owned_; // null when rebinding
    Network* network_;
    bool rebinding_ = false;
    const std::atomic<bool>* cancel_ = nullptr;
    std::vector<double> values_;
    ConstantTable constantNames_;
};

} // namespace

std::unique_ptr<Network> buildNetwork(const CheckedModel& model, BuildReport* report,
                                      const std::atomic<bool>* cancel) {
    BuildReport local;
    return Builder(model, report ? *report : local, cancel).run();
}

std::vector<double> rebuildGroupKernels(const CheckedModel& model, Network& network,
                                        BuildReport& report) {
    return Builder(model, report, network).rebindGroupKernels();
}

} // namespace spikestudio
