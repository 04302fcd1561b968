#include "NetworkBuilder.h"

#include "KernelCache.h"
#include "KernelWriter.h"
#include "diagnostics/ModelError.h"
#include "runtime/InitialValues.h"
#include "runtime/MemoryBudget.h"

#include <chrono>
#include <cmath>
#include <new>

namespace spikestudio {

namespace {

using Stopwatch = std::chrono::steady_clock;

double millisecondsSince(Stopwatch::time_point start) {
    return std::chrono::duration<double, std::milli>(Stopwatch::now() - start).count();
}

/// Everything one kernel call needs, bound once at build time.
struct BoundKernel {
    std::shared_ptr<CompiledKernel> kernel;
    std::vector<void*> arrays;
    SpikeStudioKernelContext context{};
    const std::vector<double>* constants = nullptr;

    void call(const Clock& clock) {
        context.t = clock.t();
        context.dt = clock.dt();
        context.timestep = clock.timestep();
        kernel->function()(arrays.data(), constants->data(), &context);
    }
};

class Builder {
public:
    Builder(const CheckedModel& model, BuildReport& report)
        : model_(model), report_(report), network_(std::make_unique<Network>(model.seed)) {}

    std::unique_ptr<Network> run() {
        collectConstants();
        checkMemory();
        const auto setupStart = Stopwatch::now();
        for (const CheckedGroup& group : model_.groups)
            allocate(group);
        report_.setupMilliseconds += millisecondsSince(setupStart);
        for (size_t k = 0; k < model_.groups.size(); ++k)
            scheduleGroup(model_.groups[k], network_->groups()[k]);
        for (const CheckedMonitor& monitor : model_.monitors)
            scheduleMonitor(monitor);
        return std::move(network_);
    }

private:
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
            if (monitor.spec->type != MonitorType::State)
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
        bool cached = false;
        const auto compileStart = Stopwatch::now();
        auto kernel = KernelCache::instance().get(source.code, &cached);
        const double milliseconds = cached ? 0.0 : millisecondsSince(compileStart);
        report_.compileMilliseconds += milliseconds;
        report_.kernels.push_back({name, milliseconds, cached, source.code});
        auto bound = std::make_shared<BoundKernel>();
        bound->kernel = kernel;
        bound->constants = &network_->constants();
        bound->context.size = group.size;
        bound->context.rng = &network_->random();
        bound->context.events = group.events.data();
        for (const std::string& array : source.arrays)
            if (!array.starts_with("@"))
                bound->arrays.push_back(group.variable(array).data());
        return bound;
    }

    void schedule(ScheduleSlot slot, int order, const std::string& name,
                  std::shared_ptr<BoundKernel> kernel, Clock* clock) {
        network_->keepAlive(kernel);
        BoundKernel* raw = kernel.get();
        network_->scheduler().add(
            Operation{slot, order, name, clock, [raw, clock] { raw->call(*clock); }});
    }

    KernelSource timed(KernelSource (KernelWriter::*write)() const, const KernelWriter& writer) {
        const auto start = Stopwatch::now();
        KernelSource source = (writer.*write)();
        report_.codegenMilliseconds += millisecondsSince(start);
        return source;
    }

    void scheduleGroup(const CheckedGroup& checked, GroupState& group) {
        const KernelWriter writer(checked, constantNames_);
        const KernelSource subexpressions = timed(&KernelWriter::constantOverDt, writer);
        if (!subexpressions.code.empty())
            schedule(ScheduleSlot::BeforeStart, 0, checked.name + "_subexpression_update",
                     compile(checked.name + " constant over dt", subexpressions, group),
                     group.clock);
        schedule(ScheduleSlot::Groups, 0, checked.name + "_stateupdater",
                 compile(checked.name + " state update", timed(&KernelWriter::stateUpdate, writer),
                         group),
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

    void scheduleMonitor(const CheckedMonitor& monitor) {
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
        StateRecord& record = network_->stateRecords().emplace_back();
        record.monitor = monitor.spec->name;
        record.source = group.name;
        for (size_t v = 0; v < monitor.variables.size(); ++v)
            for (long long index : monitor.indices)
                record.columns.push_back(
                    {monitor.spec->variables[v], index, monitor.dimensions[v]});
        const auto start = Stopwatch::now();
        const KernelSource source =
            KernelWriter(checked, constantNames_).stateMonitor(monitor.variables);
        report_.codegenMilliseconds += millisecondsSince(start);
        auto bound = compile(monitor.spec->name + " state monitor", source, group);
        auto indices = std::make_shared<std::vector<std::int32_t>>(monitor.indices.begin(),
                                                                   monitor.indices.end());
        network_->keepAlive(indices);
        bound->arrays.insert(bound->arrays.begin(), {indices->data(), nullptr});
        bound->context.size = static_cast<std::int64_t>(indices->size());
        network_->keepAlive(bound);
        Clock* clock = &network_->scheduler().clockFor(monitor.dt);
        BoundKernel* raw = bound.get();
        const size_t columns = record.columns.size();
        // Reserved up front (checkMemory counted it): appending never moves
        // the buffer, so readers may keep pointers into it.
        const auto rows = static_cast<size_t>(std::ceil(model_.duration / monitor.dt)) + 1;
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

    const CheckedModel& model_;
    BuildReport& report_;
    std::unique_ptr<Network> network_;
    ConstantTable constantNames_;
};

} // namespace

std::unique_ptr<Network> buildNetwork(const CheckedModel& model, BuildReport* report) {
    BuildReport local;
    return Builder(model, report ? *report : local).run();
}

} // namespace spikestudio
