#include "engine/NetworkBuilder.h"

#include "codegen/GeneratedNames.h"
#include "codegen/KernelWriter.h"
#include "codegen/SynapsesKernelWriter.h"
#include "diagnostics/ModelError.h"
#include "diagnostics/OutOfMemory.h"
#include "diagnostics/SizeText.h"
#include "engine/ArrayBinder.h"
#include "engine/BoundKernel.h"
#include "engine/MultisynapticIndex.h"
#include "engine/PathwayDelays.h"
#include "engine/StateRecording.h"
#include "engine/Stopwatch.h"
#include "engine/SubgroupState.h"
#include "engine/SynapseConnector.h"
#include "engine/TccKernelCache.h"
#include "expr/ExprRewrite.h"
#include "expr/ExprText.h"
#include "memory/MemoryBudget.h"
#include "model/ConnectChecker.h"
#include "model/GroupEvents.h"
#include "model/SynapsesTarget.h"
#include "runtime/ElementAssignments.h"
#include "runtime/EventRecorder.h"
#include "runtime/EventsInRange.h"
#include "runtime/InitialValues.h"
#include "runtime/SpikeGenerator.h"
#include "runtime/SynapseValues.h"
#include "runtime/VectorEvaluator.h"
#include "timing/ScheduleSlotNames.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <set>

namespace spikestudio {

namespace {

/// Whether a protocol segment sets the default clock's dt (Brian2's
/// `defaultclock.dt = ...` between runs).
bool changesDefaultDt(const CheckedModel& model) {
    for (const CheckedSegment& segment : model.protocol)
        for (const CheckedProtocolChange& change : segment.set)
            if (change.kind == CheckedProtocolChange::Kind::Dt)
                return true;
    return false;
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
        allocateArrays(true);
        for (size_t k = 0; k < model_.groups.size(); ++k) {
            owner_ = model_.groups[k].name;
            scheduleGroup(model_.groups[k], network_->groups()[k]);
        }
        for (size_t k = 0; k < model_.synapses.size(); ++k) {
            owner_ = model_.synapses[k].name;
            scheduleSynapses(model_.synapses[k], network_->synapses()[k]);
        }
        for (const CheckedPoissonInput& input : model_.poissonInputs) {
            owner_ = input.name;
            schedulePoissonInput(input);
        }
        for (const CheckedMonitor& monitor : model_.monitors) {
            owner_ = monitor.spec->name;
            allocatingFor(monitor.spec->name, "source", "setting up the monitor",
                          [&] { scheduleMonitor(monitor); });
        }
        for (size_t k = 0; k < model_.groups.size(); ++k)
            fuseThreshold(model_.groups[k], network_->groups()[k]);
        // What the run's records and spikes in flight may still take.
        network_->memoryWatch().limitTo(budget_->remaining(), budget_->limit().describe());
        return std::move(owned_);
    }

    /// The groups and synapses only: nothing compiled, scheduled or recorded.
    std::unique_ptr<Network> arraysOnly() {
        allocateArrays(false);
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
            if (stepFor(model_.groups[k].type).kernels)
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

    /// Groups, then synapses in model order, as Brian2 creates them, so that
    /// the random stream matches. Monitors are claimed only when they will be built.
    void allocateArrays(bool withMonitors) {
        budget_.emplace();
        collectConstants();
        checkMemory(withMonitors);
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
        report_.timings.setupMilliseconds += millisecondsSince(setupStart);
    }

    /// Claims what the groups, TimedArrays and monitors of groups will hold
    /// before allocating any of it (synapses are claimed as they are created).
    void checkMemory(bool withMonitors) {
        for (const CheckedTimedArray& array : model_.timedArrays)
            budget_->claim(8.0 * static_cast<double>(array.values.size()), array.name, "values",
                           formatCount(static_cast<double>(array.values.size())) + " values");
        for (const CheckedGroup& group : model_.groups) {
            const double neurons = static_cast<double>(group.size);
            const double eventspaces = 1.0 + static_cast<double>(group.events.size());
            const double solverSteps = isGslMethod(group.method) ? 1.0 : 0.0;
            budget_->claim(
                neurons * (8.0 * (static_cast<double>(group.stateVariables.size()) + solverSteps) +
                           4.0 * eventspaces),
                group.name, "N", formatCount(neurons) + " neurons");
            for (const CheckedLink& link : group.links)
                budget_->claim(8.0 * static_cast<double>(link.indices.size()), group.name, "links",
                               formatCount(static_cast<double>(link.indices.size())) +
                                   " link indices");
            budget_->claim(
                20.0 * static_cast<double>(group.spikeIndices.size()), group.name, "indices",
                formatCount(static_cast<double>(group.spikeIndices.size())) + " generated spikes");
        }
        for (const CheckedMonitor& monitor : model_.monitors)
            if (withMonitors && !monitor.ofSynapses)
                claimMonitor(monitor);
    }

    /// Rows a monitor on a clock of `dt` records in the run: one per step, and the first.
    /// A monitor on the default clock whose dt a protocol changes counts each
    /// segment's steps at its dt (records are reserved whole: readers keep
    /// pointers into them); one of equal explicit dt gets as many.
    double rowsFor(double dt) const {
        if (!defaultDtChanges_ || dt != model_.dt)
            return std::ceil(model_.duration / dt) + 1.0;
        double rows = 1.0;
        double stepping = model_.dt;
        for (const CheckedSegment& segment : model_.protocol) {
            for (const CheckedProtocolChange& change : segment.set)
                if (change.kind == CheckedProtocolChange::Kind::Dt)
                    stepping = change.value;
            rows += std::ceil(segment.duration / stepping) + 1.0;
        }
        return rows;
    }

    void claimMonitor(const CheckedMonitor& monitor) {
        (this->*stepFor(monitor.spec->type).claim)(monitor, model_.groups[monitor.group]);
    }

    void claimSpikeRecord(const CheckedMonitor& monitor, const CheckedGroup&) {
        const auto neurons = static_cast<double>(monitor.range.size);
        budget_->claim(8.0 * neurons, monitor.spec->name, "source",
                       "counting the spikes of " + formatCount(neurons) + " neurons");
    }

    void claimRateRecord(const CheckedMonitor& monitor, const CheckedGroup& group) {
        budget_->claim(16.0 * rowsFor(group.dt), monitor.spec->name, "source",
                       "recording the rate for " + formatCount(rowsFor(group.dt)) + " steps");
    }

    void claimStateRecordOf(const CheckedMonitor& monitor, const CheckedGroup&) {
        claimStateRecord(monitor, recordedCount(monitor, monitor.range.size));
    }

    /// Elements a StateMonitor records of an object of `size`.
    static double recordedCount(const CheckedMonitor& monitor, long long size) {
        return static_cast<double>(monitor.indices.size()) +
               (monitor.spec->recordAll ? static_cast<double>(size) : 0.0);
    }

    /// The recorded elements: all of them for `record: true`, then those listed.
    static std::vector<long long> recordedIndices(const CheckedMonitor& monitor, long long size) {
        std::vector<long long> indices;
        indices.reserve(static_cast<size_t>(recordedCount(monitor, size)));
        if (monitor.spec->recordAll)
            for (long long k = 0; k < size; ++k)
                indices.push_back(k);
        indices.insert(indices.end(), monitor.indices.begin(), monitor.indices.end());
        return indices;
    }

    /// A row per step of a value per variable and element, the time, and per
    /// column its name and index (also while the indices are listed).
    void claimStateRecord(const CheckedMonitor& monitor, double indices) {
        const double rows = rowsFor(monitor.dt);
        const double columns = static_cast<double>(monitor.variables.size()) * indices;
        const double perColumn = sizeof(StateRecord::Column) + sizeof(std::int32_t);
        budget_->claim(8.0 * rows * (columns + 1.0) + perColumn * columns + 8.0 * indices,
                       monitor.spec->name, "record",
                       "recording " + formatCount(columns) + " values for " + formatCount(rows) +
                           " steps");
    }

    /// Memory for evaluating `initial` over `size` elements, held while it runs.
    double initialValuesScratch(const std::vector<Statement>& initial, double size) const {
        size_t columns = 0;
        for (const Statement& statement : initial)
            columns = std::max(columns, VectorEvaluator::columnsNeeded(statement.expandedValue()));
        return 8.0 * size * static_cast<double>(columns);
    }

    /// Memory for applying `initial` in its list form: the selection, a
    /// gathered copy of each column read and the columns of the evaluation.
    static double assignmentsScratch(const std::vector<ElementAssignment>& assignments,
                                     double size) {
        return 8.0 * size * static_cast<double>(assignmentColumns(assignments));
    }

    static size_t assignmentColumns(const std::vector<ElementAssignment>& assignments) {
        size_t columns = 0;
        for (const ElementAssignment& assignment : assignments) {
            size_t needed = 3;
            if (assignment.value)
                needed += 2 * VectorEvaluator::columnsNeeded(assignment.value);
            if (assignment.condition)
                needed += VectorEvaluator::columnsNeeded(assignment.condition);
            columns = std::max(columns, needed);
        }
        return columns;
    }

    void allocate(const CheckedGroup& checked) {
        GroupState& group = network_->groups().emplace_back();
        group.name = checked.name;
        group.size = checked.size;
        group.clock = clockOf(checked.dt, !specOf(checked).dt.empty());
        const auto size = static_cast<size_t>(checked.size);
        allocatingFor(checked.name, "N", "creating " + formatCount(checked.size) + " neurons", [&] {
            for (const std::string& name : checked.stateVariables) {
                const double initial = name == "not_refractory" ? 1.0
                                       : name == "lastspike"    ? -1e4
                                                                : 0.0;
                group.variables[name].assign(size, initial);
            }
            if (isGslMethod(checked.method)) { // each element's solver starts with a step of dt
                group.solverSteps.assign(size + 2, checked.dt);
                group.solverSteps[size] = group.solverSteps[size + 1] = 0.0;
            }
            group.events.assign(size + 1, 0);
            for (const CheckedEvent& event : checked.events)
                group.customEvents[event.name].assign(size + 1, 0);
            for (const CheckedLink& link : checked.links)
                if (link.element == CheckedLink::Element::Indexed)
                    group.linkIndices[link.variable].assign(link.indices.begin(),
                                                            link.indices.end());
        });
        const double scratch =
            initialValuesScratch(checked.initial, static_cast<double>(checked.size)) +
            assignmentsScratch(checked.assignments, static_cast<double>(checked.size));
        budget_->claim(scratch, checked.name, "initial", "evaluating the initial values");
        allocatingFor(checked.name, "initial", "evaluating the initial values", [&] {
            applyInitialValues(checked.initial, *checked.scope, group, network_->random());
            applyGroupAssignments(checked.assignments, *checked.scope, group, network_->random());
        });
        budget_->release(scratch);
        if (const auto allocated = stepFor(checked.type).allocated)
            (this->*allocated)(checked);
    }

    /// PoissonGroup rates that depend on i only are known now: each neuron's
    /// must be finite and zero or more (a constant one the checker saw; one
    /// that reads t or draws is evaluated every step, as Brian2 does).
    void refuseNegativeRates(const CheckedGroup& checked) const {
        const Equation* rates = checked.equations.find("rates");
        if (!rates || !rates->expr || drawsRandomNumbers(rates->expr) ||
            collectNames(rates->expr).count("t"))
            return;
        constexpr long long kChunk = 1 << 16;
        RandomGenerator unused; // never drawn from: the expression draws nothing
        for (long long first = 0; first < checked.size; first += kChunk) {
            const long long count = std::min(kChunk, checked.size - first);
            std::vector<double> indices(static_cast<size_t>(count));
            for (long long k = 0; k < count; ++k)
                indices[static_cast<size_t>(k)] = static_cast<double>(first + k);
            VectorEvaluator evaluator(
                *checked.scope, indices.size(),
                [&indices, &checked](const std::string& name) -> std::optional<Column> {
                    if (name == "dt") // `rates='0.5/dt'`, Brian2's Poisson test writes
                        return Column::of(checked.dt);
                    return name == "i" ? std::optional<Column>(Column::of(indices)) : std::nullopt;
                },
                unused);
            const Column values = evaluator.evaluate(rates->expr);
            for (long long k = 0; k < count; ++k)
                if (const double rate = values.at(static_cast<size_t>(k));
                    !(rate >= 0.0 && std::isfinite(rate)))
                    throw ModelError({checked.name, "rates", 0, 0},
                                     "the rates of neuron " + std::to_string(first + k) + " are " +
                                         formatNumber(rate) +
                                         " Hz; rates must be finite and zero or more");
        }
    }

    /// A kernel of `group` (or of a state monitor of it, with `recording`).
    std::shared_ptr<BoundKernel> compile(const std::string& name, const KernelSource& source,
                                         GroupState& group, StateRecording* recording = nullptr) {
        auto bound = compileUnbound(name, source);
        bound->context.size = group.size;
        bound->context.events = group.events.data();
        bound->arrays = resolveArrays(source.arrays, {*network_, &group, nullptr, recording});
        return bound;
    }

    /// A kernel of `synapses` (or of a state monitor of them, with `recording`).
    std::shared_ptr<BoundKernel> compile(const std::string& name, const KernelSource& source,
                                         SynapseState& synapses,
                                         StateRecording* recording = nullptr) {
        auto bound = compileUnbound(name, source);
        bound->context.size = synapses.size();
        bound->context.pre = synapses.pre.data();
        bound->context.post = synapses.post.data();
        // N_pre and N_post of synapses reading or acting on synapses (a
        // pathway and a summed variable set theirs).
        bound->context.sourceSize = synapses.source->size;
        bound->context.targetSize = synapses.target->size;
        bound->arrays = resolveArrays(source.arrays, {*network_, nullptr, &synapses, recording});
        bound->ownerLimit = ownerLimit(synapses, source.owner);
        return bound;
    }

    /// Whether the synapses are stored source by source, each source's
    /// targets strictly ascending (every generator connect makes them so).
    static bool targetsAscend(const SynapseState& synapses) {
        for (size_t s = 1; s < synapses.pre.size(); ++s)
            if (synapses.pre[s] < synapses.pre[s - 1] || (synapses.pre[s] == synapses.pre[s - 1] &&
                                                          synapses.post[s] <= synapses.post[s - 1]))
                return false;
        return true;
    }

    /// One past the largest index a pathway's calls split (engine/BoundKernel.cpp).
    static std::int64_t ownerLimit(const SynapseState& synapses, std::optional<SynapseSide> owner) {
        if (!owner)
            return static_cast<std::int64_t>(synapses.size());
        const std::vector<std::int32_t>& indices =
            *owner == SynapseSide::Post ? synapses.post : synapses.pre;
        return indices.empty()
                   ? 0
                   : std::int64_t{*std::max_element(indices.begin(), indices.end())} + 1;
    }

    std::shared_ptr<BoundKernel> compileUnbound(const std::string& name,
                                                const KernelSource& source) {
        stopIfCancelled();
        requireGeneratedNames(source.code); // no user text reaches a compiler
        bool cached = false;
        const auto compileStart = Stopwatch::now();
        auto kernel = TccKernelCache::instance().get(source.code, &cached);
        const double milliseconds = cached ? 0.0 : millisecondsSince(compileStart);
        report_.timings.compileMilliseconds += milliseconds;
        report_.timings.kernelCompiles.push_back({name, milliseconds});
        auto bound = std::make_shared<BoundKernel>();
        bound->kernel = kernel;
        bound->constants = &network_->constants();
        bound->context.rng = &network_->random();
        bound->loop = source.loop;
        bound->draws = source.draws;
        if (source.independentElements)
            bound->workers = &network_->workers();
        report_.kernels.push_back({name, source.code, bound, cached});
        return bound;
    }

    /// Runs `kernel` whenever `clock` is due; its code reads t and dt of
    /// `timeOf` (by default the same clock).
    void schedule(ScheduleSlot slot, int order, const std::string& name,
                  std::shared_ptr<BoundKernel> kernel, Clock* clock, bool active,
                  Clock* timeOf = nullptr) {
        if (rebinding_) // the report holds the kernel; the old operation will call it
            return;
        network_->keepAlive(kernel);
        BoundKernel* raw = kernel.get();
        Clock* time = timeOf ? timeOf : clock;
        add(Operation{slot, order, name, clock, [raw, time] { raw->call(*time); }}, active);
    }

    /// Brian2 runs only active objects: an inactive one is built (its records
    /// exist, empty) but its operations are skipped until a protocol switches
    /// it on. Each operation is tagged with the object being scheduled.
    void add(Operation operation, bool active) {
        operation.owner = owner_;
        operation.active = active;
        network_->scheduler().add(std::move(operation));
    }

    /// An object's clock: the model's default clock when it has no dt of its
    /// own and a protocol changes that clock's dt (a clock apart from those of
    /// objects whose own dt has the same value, which keep theirs), else the
    /// clock of its dt, which every object of that dt shares.
    Clock* clockOf(double dt, bool ownDt) {
        if (defaultDtChanges_ && !ownDt)
            return &network_->scheduler().defaultClock(model_.dt);
        return &network_->scheduler().clockFor(dt);
    }

    /// A StateMonitor without a dt of its own follows its source's clock (Brian2's
    /// clock=source.clock).
    Clock* monitorClock(const CheckedMonitor& monitor) {
        if (!monitor.spec->dt.empty())
            return &network_->scheduler().clockFor(monitor.dt);
        return monitor.ofSynapses ? network_->synapses()[monitor.group].clock
                                  : network_->groups()[monitor.group].clock;
    }

    const GroupSpec& specOf(const CheckedGroup& checked) const {
        return model_.model.groups[static_cast<size_t>(&checked - model_.groups.data())];
    }

    const SynapsesSpec& specOf(const CheckedSynapses& checked) const {
        return model_.model.synapses[static_cast<size_t>(&checked - model_.synapses.data())];
    }

    /// Brian2's `order` of an object, its default when none is given.
    static int orderOf(const std::optional<long long>& order, int fallback = 0) {
        return order ? static_cast<int>(*order) : fallback;
    }

    static ScheduleSlot slotOf(const std::string& when, ScheduleSlot fallback) {
        return when.empty() ? fallback : scheduleSlotNamed(when).value_or(fallback);
    }

    KernelSource timed(KernelSource (KernelWriter::*write)() const, const KernelWriter& writer) {
        stopIfCancelled();
        const auto start = Stopwatch::now();
        KernelSource source = (writer.*write)();
        report_.timings.codegenMilliseconds += millisecondsSince(start);
        return source;
    }

    void scheduleSpikeGenerator(const CheckedGroup& checked, GroupState& group) {
        auto generator = std::make_shared<SpikeGenerator>(checked.spikeIndices, checked.spikeTimes,
                                                          checked.period, checked.dt);
        group.spikeGenerator = generator;
        GroupState* state = &group;
        Clock* clock = group.clock;
        const GroupSpec& spec = specOf(checked);
        add(Operation{slotOf(spec.when, ScheduleSlot::Thresholds), orderOf(spec.order),
                      checked.name + "_spikegenerator", clock,
                      [generator, state, clock] {
                          generator->writeSpikes(clock->timestep(), state->events.data(),
                                                 state->size);
                      }},
            spec.active);
    }

    void scheduleGroup(const CheckedGroup& checked, GroupState& group) {
        (this->*stepFor(checked.type).schedule)(checked, group);
    }

    /// Kernels for what the group's fields say: `constant over dt`
    /// subexpressions, state update, threshold and reset.
    /// Brian2 gives each of them the group's order.
    void scheduleKernels(const CheckedGroup& checked, GroupState& group) {
        const KernelWriter writer(checked, constantNames_);
        const int order = orderOf(specOf(checked).order);
        const bool active = specOf(checked).active;
        const KernelSource subexpressions = timed(&KernelWriter::constantOverDt, writer);
        if (!subexpressions.code.empty())
            schedule(ScheduleSlot::BeforeStart, order, checked.name + "_subexpression_update",
                     compile(checked.name + " constant over dt", subexpressions, group),
                     group.clock, active);
        // A live edit rebuilds a fused state update and threshold as one kernel.
        const bool fused = rebinding_ && network_->fusedThresholds().count(checked.name) > 0;
        if (!checked.stateUpdate.empty() && !fused)
            schedule(ScheduleSlot::Groups, order, checked.name + "_stateupdater",
                     compile(checked.name + " state update",
                             timed(&KernelWriter::stateUpdate, writer), group),
                     group.clock, active);
        for (const CheckedRunRegularly& operation : checked.runRegularly)
            scheduleRunRegularly(checked, group, operation, active);
        for (const CheckedEvent& event : checked.events)
            scheduleCustomEvent(checked, group, writer, event, order, active);
        if (fused)
            rebindFusedThreshold(checked, group, writer);
        else if (!checked.threshold)
            return;
        else
            schedule(ScheduleSlot::Thresholds, order, checked.name + "_spike_thresholder",
                     compile(checked.name + " threshold", timed(&KernelWriter::threshold, writer),
                             group),
                     group.clock, active);
        const KernelSource reset = timed(&KernelWriter::reset, writer);
        if (!reset.code.empty())
            schedule(ScheduleSlot::Resets, order, checked.name + "_spike_resetter",
                     compile(checked.name + " reset", reset, group), group.clock, active);
    }

    /// A group's state update and threshold become one kernel where the
    /// threshold draws no random numbers of its own and moving it up to the
    /// state update changes nothing (see mayCross): each element is checked
    /// while its new values are in registers, the same operations in the
    /// same order. GSL methods keep their own kernel.
    void fuseThreshold(const CheckedGroup& checked, GroupState& group) {
        const std::string updater = checked.name + "_stateupdater";
        const std::string thresholder = checked.name + "_spike_thresholder";
        if (isGslMethod(checked.method) || !drawsNone(checked.name + " threshold") ||
            !network_->scheduler().mayJoin(updater, thresholder, mayCross(checked)))
            return;
        auto fused = compileFused(checked, group);
        BoundKernel* raw = fused.get();
        Clock* clock = group.clock;
        network_->scheduler().join(updater, thresholder, [raw, clock] { raw->call(*clock); });
        network_->keepAlive(fused);
        network_->fusedThresholds().insert(checked.name);
        std::erase_if(report_.kernels, [&](const LiveKernel& kernel) {
            return kernel.name == checked.name + " state update" ||
                   kernel.name == checked.name + " threshold";
        });
    }

    /// The operations `checked`'s threshold may move up past: other groups'
    /// state updates, thresholds and spike generators, which touch only their
    /// own group's arrays and those it links to, and draw their numbers in
    /// their own place. A group linked either way with `checked` is not
    /// crossed (the threshold might read what it writes, or the reverse).
    std::function<bool(const Operation&)> mayCross(const CheckedGroup& checked) const {
        const auto linksTo = [](const CheckedGroup& from, const std::string& to) {
            return std::any_of(from.links.begin(), from.links.end(),
                               [&](const CheckedLink& link) { return link.sourceGroup == to; });
        };
        std::set<std::string> crossable;
        for (const CheckedGroup& other : model_.groups)
            if (&other != &checked && !linksTo(other, checked.name) &&
                !linksTo(checked, other.name)) {
                const std::string& name = other.name;
                crossable.insert({name + "_stateupdater", name + "_spike_thresholder",
                                  name + "_stateupdater+" + name + "_spike_thresholder",
                                  name + "_spikegenerator"});
            }
        return [crossable = std::move(crossable)](const Operation& operation) {
            return crossable.count(operation.name) > 0;
        };
    }

    std::shared_ptr<BoundKernel> compileFused(const CheckedGroup& checked, GroupState& group) {
        const KernelWriter writer(checked, constantNames_);
        return compile(checked.name + " state update and threshold",
                       timed(&KernelWriter::stateUpdateAndThreshold, writer), group);
    }

    /// Whether the kernel built under `name` draws no random numbers.
    bool drawsNone(const std::string& name) const {
        const auto kernel = std::find_if(report_.kernels.begin(), report_.kernels.end(),
                                         [&](const LiveKernel& live) { return live.name == name; });
        return kernel != report_.kernels.end() &&
               kernel->source.find("_context->rng") == std::string::npos &&
               kernel->bound->draws.sites.empty();
    }

    /// A live edit of a group running its fused kernel: that kernel again
    /// (the threshold must still draw nothing: fused, its numbers would come
    /// in another order).
    void rebindFusedThreshold(const CheckedGroup& checked, GroupState& group,
                              const KernelWriter& writer) {
        if (!checked.threshold || checked.stateUpdate.empty())
            throw std::runtime_error("the edit adds or removes a threshold, reset or state "
                                     "update; it takes effect at the next run");
        compile(checked.name + " threshold", timed(&KernelWriter::threshold, writer), group);
        if (!drawsNone(checked.name + " threshold"))
            throw std::runtime_error("the edit makes the threshold draw random numbers; it "
                                     "takes effect at the next run");
        std::erase_if(report_.kernels, [&](const LiveKernel& kernel) {
            return kernel.name == checked.name + " threshold";
        });
        compileFused(checked, group);
    }

    /// A run_regularly operation on its own clock, for the group's elements
    /// or a subgroup's (whose `i` counts from the subgroup's start, as in Brian2).
    void scheduleRunRegularly(const CheckedGroup& checked, GroupState& group,
                              const CheckedRunRegularly& operation, bool active) {
        const KernelWriter writer(checked, constantNames_, operation.range.start);
        auto bound = compile(operation.name + " run_regularly",
                             timedSource([&] { return writer.runRegularly(operation); }), group);
        bound->context.size = operation.range.size;
        schedule(operation.when, operation.order, operation.name, bound,
                 operation.ownClock ? &network_->scheduler().clockFor(operation.dt) : group.clock,
                 active);
    }

    /// Brian2 checks a custom event in slot after_thresholds and runs its
    /// code (run_on_event) in after_resets, both at the group's order and
    /// named <group>_<event>_thresholder / _resetter, which sorts them.
    void scheduleCustomEvent(const CheckedGroup& checked, GroupState& group,
                             const KernelWriter& writer, const CheckedEvent& event, int order,
                             bool active) {
        std::vector<std::int32_t>& eventspace = group.eventspace(event.name);
        const std::string prefix = checked.name + "_" + event.name;
        auto threshold = compile(checked.name + " event " + event.name + " threshold",
                                 timedSource([&] { return writer.eventThreshold(event); }), group);
        threshold->context.events = eventspace.data();
        schedule(ScheduleSlot::AfterThresholds, order, prefix + "_thresholder", threshold,
                 group.clock, active);
        const KernelSource code = timedSource([&] { return writer.eventCode(event); });
        if (code.code.empty())
            return;
        auto resetter = compile(checked.name + " event " + event.name + " code", code, group);
        resetter->context.events = eventspace.data();
        schedule(ScheduleSlot::AfterResets, order, prefix + "_resetter", resetter, group.clock,
                 active);
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
        report_.timings.codegenMilliseconds += millisecondsSince(start);
        auto bound = compile(input.name + " PoissonInput", source, group);
        bound->context.size = input.range.size; // from input.range.start (the kernel's offset)
        const PoissonInputSpec& spec =
            model_.model.poissonInputs[static_cast<size_t>(&input - model_.poissonInputs.data())];
        schedule(slotOf(spec.when, ScheduleSlot::Synapses), orderOf(spec.order), input.scheduleName,
                 bound, group.clock, spec.active);
    }

    /// Creates the synapses (connect, delays, initial values), as Brian2 does
    /// in model order after every group, so the random stream matches.
    void allocateSynapses(const CheckedSynapses& checked) {
        SynapseState& synapses = network_->synapses().emplace_back();
        synapses.name = checked.name;
        GroupState& source = sourceOf(checked);
        GroupState& target = targetOf(checked);
        // Brian2 connects a subgroup in its own indices (i, j, N_pre, N_post
        // from its start): created between copies of the slices, then attached.
        std::optional<GroupState> sourceSlice, targetSlice;
        if (!checked.sourceSynapses && !isWhole(checked.sourceRange, source))
            sourceSlice = subgroupCopy(source, checked.sourceRange);
        if (!checked.targetSynapses && !isWhole(checked.targetRange, target))
            targetSlice = subgroupCopy(target, checked.targetRange);
        synapses.source = sourceSlice ? &*sourceSlice : &source;
        synapses.target = targetSlice ? &*targetSlice : &target;
        synapses.clock = clockOf(checked.dt, !specOf(checked).dt.empty());
        SynapseLimit limit{&*budget_, bytesPerSynapse(checked)};
        for (size_t k = 0; k < checked.connects.size(); ++k)
            connectCall(checked, k, synapses, limit);
        const double count = static_cast<double>(synapses.size());
        const double spare = static_cast<double>(synapses.pre.capacity()) - count;
        budget_->claim(limit.bytesPerSynapse * count + 8.0 * spare, checked.name, "connect",
                       formatCount(count) + " synapses");
        allocatingFor(checked.name, "model", "creating the synapses' variables", [&] {
            for (const std::string& name : checked.stateVariables)
                synapses.variables[name].assign(static_cast<size_t>(count), 0.0);
            if (!checked.multisynapticIndex.empty())
                synapses.variables[checked.multisynapticIndex] =
                    multisynapticNumbers(synapses.pre, synapses.post);
        });
        if (checked.delay)
            allocatingFor(checked.name, "delay", "evaluating the delays",
                          [&] { setDelays(checked, synapses); });
        for (const CheckedPathway& pathway : checked.pathways)
            if (pathway.delay)
                allocatingFor(checked.name, pathway.delayField, "evaluating the delays",
                              [&] { setPathwayDelays(checked, pathway, synapses); });
        allocatingFor(checked.name, "initial", "evaluating the initial values", [&] {
            applySynapseInitialValues(checked.initial, *checked.scope, synapses,
                                      network_->random());
            const std::string delayField = lastDelayAssignment(checked.assignments);
            if (!delayField.empty())
                perSynapseDelays(synapses);
            applySynapseAssignments(checked.assignments, *checked.scope, synapses,
                                    network_->random());
            if (!delayField.empty())
                checkDelays(synapses.variables.at("delay"), checked.name, delayField + ".value");
            checkAssignedPathwayDelays(checked.assignments, synapses);
        });
        attachToGroups(synapses, source, checked.sourceRange, target, checked.targetRange);
        // Seen as a group by Synapses objects acting on these (made after them).
        synapses.elements.name = checked.name;
        synapses.elements.ofSynapses = true;
        synapses.elements.size = synapses.size();
        synapses.elements.clock = synapses.clock;
    }

    /// The group `checked` reads from, or the synapses it reads (created
    /// before it, as the checker requires).
    GroupState& sourceOf(const CheckedSynapses& checked) {
        if (checked.sourceSynapses)
            return network_->synapses()[*checked.sourceSynapses].elements;
        return network_->groups()[checked.source];
    }

    /// The group `checked` acts on, or the synapses it targets (created
    /// before it, as the checker requires).
    GroupState& targetOf(const CheckedSynapses& checked) {
        if (checked.targetSynapses)
            return network_->synapses()[*checked.targetSynapses].elements;
        return network_->groups()[checked.target];
    }

    /// Brian2's connect() call k: its synapses appended to those made before.
    void connectCall(const CheckedSynapses& checked, size_t k, SynapseState& synapses,
                     SynapseLimit& limit) {
        const std::string field = connectCallField(k, checked.connects.size() > 1);
        limit.existing = synapses.size();
        SynapseIndices indices;
        try {
            indices = allocatingFor(checked.name, field, "creating the synapses", [&] {
                return connectSynapses(checked.connects[k], *synapses.source, *synapses.target,
                                       *model_.constants, network_->random(), limit);
            });
        } catch (const ModelError& error) {
            throw inConnectCall(error, field).locatedIn(checked.name, field);
        }
        if (synapses.pre.empty()) {
            synapses.pre = std::move(indices.pre);
            synapses.post = std::move(indices.post);
            return;
        }
        allocatingFor(checked.name, field, "creating the synapses", [&] {
            synapses.pre.insert(synapses.pre.end(), indices.pre.begin(), indices.pre.end());
            synapses.post.insert(synapses.post.end(), indices.post.begin(), indices.post.end());
            return 0;
        });
    }

    /// All one synapse takes at its peak: pre and post (with room to grow
    /// while they are created), its variables, its delay (with its steps and
    /// the queue's copy), its id in each queue that stores ids (see
    /// SpikeQueue), and scratch for evaluating its delay and initial values.
    static double bytesPerSynapse(const CheckedSynapses& checked) {
        double bytes = 2 * 4.0 + 2 * 4.0 + 8.0 * static_cast<double>(checked.stateVariables.size());
        if (checked.delay || !lastDelayAssignment(checked.assignments).empty())
            bytes += 8.0 + 4.0 + 4.0;
        bytes += 4.0 * static_cast<double>(checked.pathways.size());
        // Each summed variable's synapses listed by the thread that adds them (PartSynapses).
        bytes += 4.0 * static_cast<double>(checked.summed.size());
        size_t columns = checked.delay ? VectorEvaluator::columnsNeeded(checked.delay) : 0;
        for (const CheckedPathway& pathway : checked.pathways) {
            if (pathway.delay || assignsDelaysOf(checked.assignments, pathway.name))
                bytes += 8.0 + 4.0 + 4.0;
            if (pathway.delay)
                columns = std::max(columns, VectorEvaluator::columnsNeeded(pathway.delay));
        }
        for (const Statement& statement : checked.initial)
            columns = std::max(columns, VectorEvaluator::columnsNeeded(statement.expandedValue()));
        columns = std::max(columns, assignmentColumns(checked.assignments));
        return bytes + 8.0 * static_cast<double>(columns);
    }

    /// A delay that is the same for all synapses stays one value.
    void setDelays(const CheckedSynapses& checked, SynapseState& synapses) {
        Column delays =
            evaluatePerSynapse(checked.delay, *checked.scope, synapses, network_->random());
        const bool uniform = delays.uniform;
        std::vector<double> stored = storedDelays(
            std::move(delays), static_cast<size_t>(synapses.size()), checked.name, "delay");
        if (uniform) {
            synapses.uniformDelay = stored.empty() ? 0.0 : stored[0];
            return;
        }
        synapses.variables["delay"] = StateArray(stored.begin(), stored.end());
        synapses.uniformDelay.reset();
    }

    /// The delays of a pathway other than 'pre', drawn after the object's.
    void setPathwayDelays(const CheckedSynapses& checked, const CheckedPathway& pathway,
                          SynapseState& synapses) {
        Column delays =
            evaluatePerSynapse(pathway.delay, *checked.scope, synapses, network_->random());
        synapses.pathwayDelays[pathway.name] =
            storedDelays(std::move(delays), static_cast<size_t>(synapses.size()), checked.name,
                         pathway.delayField);
    }

    void scheduleSynapses(const CheckedSynapses& checked, SynapseState& synapses) {
        const CheckedGroup& source = sourceGroupOf(model_.groups, checked);
        const CheckedGroup& target = targetGroupOf(model_.groups, checked);
        const SynapsesKernelWriter writer(checked, source, target, constantNames_);
        const KernelSource subexpressions = timedSource([&] { return writer.constantOverDt(); });
        if (!subexpressions.code.empty())
            schedule(ScheduleSlot::BeforeStart, orderOf(specOf(checked).order),
                     checked.name + "_subexpression_update",
                     compile(checked.name + " constant over dt", subexpressions, synapses),
                     synapses.clock, specOf(checked).active);
        if (!checked.stateUpdate.empty())
            schedule(ScheduleSlot::Groups, orderOf(specOf(checked).order),
                     checked.name + "_stateupdater",
                     compile(checked.name + " state update",
                             timedSource([&] { return writer.stateUpdate(); }), synapses),
                     synapses.clock, specOf(checked).active);
        for (const CheckedRunRegularly& operation : checked.runRegularly)
            schedule(operation.when, operation.order, operation.name,
                     compile(operation.name + " run_regularly",
                             timedSource([&] { return writer.runRegularly(operation); }), synapses),
                     operation.ownClock ? &network_->scheduler().clockFor(operation.dt)
                                        : synapses.clock,
                     specOf(checked).active);
        for (const CheckedSummedVariable& summed : checked.summed)
            scheduleSummed(checked, synapses, writer, summed);
        for (const CheckedPathway& pathway : checked.pathways)
            schedulePathway(checked, synapses, writer, pathway);
    }

    KernelSource timedSource(const std::function<KernelSource()>& write) {
        stopIfCancelled();
        const auto start = Stopwatch::now();
        KernelSource source = write();
        report_.timings.codegenMilliseconds += millisecondsSince(start);
        return source;
    }

    /// Whether the side of `checked` is named as a subgroup in the model.
    bool writesSubgroup(const CheckedSynapses& checked, SynapseSide side) const {
        const SynapsesSpec& spec =
            model_.model.synapses[static_cast<size_t>(&checked - model_.synapses.data())];
        const bool post = side == SynapseSide::Post;
        return (post ? spec.target : spec.source) != (post ? targetGroupOf(model_.groups, checked)
                                                           : sourceGroupOf(model_.groups, checked))
                                                         .name;
    }

    void scheduleSummed(const CheckedSynapses& checked, SynapseState& synapses,
                        const SynapsesKernelWriter& writer, const CheckedSummedVariable& summed) {
        const bool post = summed.side == SynapseSide::Post;
        GroupState& written = post ? *synapses.target : *synapses.source;
        const std::optional<size_t> writtenSynapses =
            post ? checked.targetSynapses : checked.sourceSynapses;
        const std::string name =
            checked.name + "_summed_variable_" + summed.variable + (post ? "_post" : "_pre");
        auto bound = compile(name, timedSource([&] { return writer.summed(summed); }), synapses);
        const ElementRange& range = post ? checked.targetRange : checked.sourceRange;
        // Zeroed from range.start; synapses are written whole.
        bound->context.targetSize = writtenSynapses ? written.size : range.start + range.size;
        // The calls share out the written elements, counted from the first.
        bound->ownerLimit = bound->context.targetSize - range.start;
        bound->partSynapses = PartSynapses(post ? &synapses.post : &synapses.pre, range.start);
        // Brian2: slot groups, one order before the written group's (a
        // subgroup's is one after its group's, so then with it, by name).
        const int writtenOrder =
            writtenSynapses
                ? orderOf(specOf(model_.synapses[*writtenSynapses]).order)
                : orderOf(specOf(model_.groups[post ? checked.target : checked.source]).order);
        schedule(ScheduleSlot::Groups,
                 writtenOrder + (writesSubgroup(checked, summed.side) ? 0 : -1), name, bound,
                 written.clock, specOf(checked).active);
    }

    /// Spikes in flight when a protocol changes the default clock's dt would
    /// need their steps converted (Brian2's spike queue re-bins them): not
    /// built, refused.
    void refuseDelaysOnChangingClock(const std::vector<std::int32_t>& steps,
                                     const GroupState& trigger, const std::string& object,
                                     const std::string& field) const {
        if (!network_->scheduler().isDefaultClock(trigger.clock))
            return;
        if (std::any_of(steps.begin(), steps.end(), [](std::int32_t step) { return step > 0; }))
            throw ModelError({object, field, 0, 0},
                             "delays on the default clock, whose dt a protocol segment changes, "
                             "are not supported yet (spikes in flight would change steps)");
    }

    void schedulePathway(const CheckedSynapses& checked, SynapseState& synapses,
                         const SynapsesKernelWriter& writer, const CheckedPathway& pathway) {
        const bool pre = pathway.side == SynapseSide::Pre;
        GroupState& trigger = pre ? *synapses.source : *synapses.target;
        const std::string field =
            pathway.delayField.empty() ? pathway.codeField : pathway.delayField;
        SpikeQueue& queue = synapses.queues.emplace_back();
        std::vector<std::int32_t> steps =
            delaySteps(delaysOf(synapses, pathway), trigger.clock->dt(), checked.name, field);
        refuseDelaysOnChangingClock(steps, trigger, checked.name, field);
        const double slots =
            steps.empty()
                ? 1.0
                : static_cast<double>(*std::max_element(steps.begin(), steps.end())) + 1.0;
        budget_->claim(
            SpikeQueue::preparedBytes(slots, static_cast<double>(trigger.size), 0.0, false, false),
            checked.name, field, "a spike queue of " + formatCount(slots) + " delay steps");
        try {
            allocatingFor(checked.name, field, "setting up the spike queue", [&] {
                queue.prepare(pre ? synapses.pre : synapses.post, trigger.size, std::move(steps));
            });
        } catch (const std::invalid_argument& error) {
            throw ModelError({checked.name, field, 0, 0}, error.what());
        }
        const std::string name = checked.name + "_" + pathway.name;
        auto bound = compile(name, timedSource([&] { return writer.pathway(pathway); }), synapses);
        bound->context.queue = &queue;
        bound->context.events = trigger.eventspace(pathway.event).data(); // checked: it has it
        bound->context.sourceSize = trigger.size;
        bound->context.targetsAscend = pre && targetsAscend(synapses) ? 1 : 0;
        // Brian2: slot synapses on the listening group's clock, pre (-1) before post (+1),
        // pathways of one direction by name. The code's t and dt are the Synapses
        // object's own clock's: with a slower clock, its t is already that of its
        // next step (lastupdate, event-driven variables).
        schedule(ScheduleSlot::Synapses, pre ? -1 : 1, name, bound, trigger.clock,
                 specOf(checked).active, synapses.clock);
    }

    void scheduleMonitor(const CheckedMonitor& monitor) {
        if (monitor.ofSynapses)
            return scheduleSynapseStateMonitor(monitor);
        (this->*stepFor(monitor.spec->type).schedule)(monitor, network_->groups()[monitor.group]);
    }

    /// The record a monitor of `group`'s spikes fills (a SpikeMonitor's or an EventMonitor's).
    SpikeRecord& newSpikeRecord(const CheckedMonitor& monitor, const GroupState& group) {
        SpikeRecord& record = network_->spikeRecords().emplace_back();
        record.monitor = monitor.spec->name;
        record.source = monitor.spec->source;
        record.dt = group.clock->dt();
        // claimed in checkMemory
        record.countPerNeuron.assign(static_cast<size_t>(monitor.range.size), 0);
        record.keepsEvents = monitor.spec->recordEvents;
        return record;
    }

    /// Brian2 runs a subgroup one order after its group in the thresholds
    /// slot; a SpikeMonitor or EventMonitor without `when` runs one order
    /// after its source's threshold (a spike generator's own slot and order).
    std::pair<ScheduleSlot, int> eventMonitorPlace(const CheckedMonitor& monitor) const {
        const MonitorSpec& spec = *monitor.spec;
        if (!spec.when.empty())
            return {slotOf(spec.when, ScheduleSlot::Thresholds), orderOf(spec.order)};
        const GroupSpec& source = specOf(model_.groups[monitor.group]);
        const int order = orderOf(source.order) + 1;
        if (source.type == GroupType::SpikeGeneratorGroup)
            return {slotOf(source.when, ScheduleSlot::Thresholds), order};
        // A whole group's monitor follows its event's thresholder (after_thresholds for a
        // custom event); a subgroup has no thresholder of its own, so its monitor follows
        // the subgroup in thresholds and, for a custom event, sees the step before's events.
        const bool whole = spec.source == source.name;
        if (whole && customEvent(model_.groups[monitor.group], spec.event))
            return {ScheduleSlot::AfterThresholds, order};
        return {ScheduleSlot::Thresholds, whole ? order : order + 1};
    }

    void scheduleSpikeMonitor(const CheckedMonitor& monitor, GroupState& group) {
        const MonitorSpec& spec = *monitor.spec;
        SpikeRecord& record = newSpikeRecord(monitor, group);
        GroupState* source = &group;
        Clock* clock = group.clock;
        const long long start = monitor.range.start, stop = start + monitor.range.size;
        const auto [slot, order] = eventMonitorPlace(monitor);
        add(Operation{slot, order, spec.name, clock,
                      [&record, source, clock, start, stop] {
                          const EventsInRange events(*source, start, stop);
                          record.append(events.first, events.count, clock->t(),
                                        static_cast<std::int32_t>(start));
                      }},
            spec.active);
    }

    /// An EventMonitor: a spike record with a column per recorded variable,
    /// filled right after its event's thresholder (before the reset or the
    /// event's code), as Brian2 does.
    void scheduleEventMonitor(const CheckedMonitor& monitor, GroupState& group) {
        const MonitorSpec& spec = *monitor.spec;
        SpikeRecord& record = newSpikeRecord(monitor, group);
        std::vector<const StateArray*> sources;
        for (size_t v = 0; v < spec.variables.size(); ++v) {
            record.columns.push_back({spec.variables[v], monitor.dimensions[v]});
            sources.push_back(&group.variable(spec.variables[v]));
        }
        const std::vector<std::int32_t>& eventspace =
            group.eventspace(spec.event.empty() ? kSpikeEvent : spec.event);
        const auto [slot, order] = eventMonitorPlace(monitor);
        add(Operation{slot, order, spec.name, group.clock,
                      EventRecorder(record, group, eventspace, std::move(sources),
                                    monitor.range.start, monitor.range.start + monitor.range.size)},
            spec.active);
    }

    void scheduleRateMonitor(const CheckedMonitor& monitor, GroupState& group) {
        const MonitorSpec& spec = *monitor.spec;
        RateRecord& record = network_->rateRecords().emplace_back();
        record.monitor = spec.name;
        record.source = spec.source;
        record.dt = group.clock->dt();
        // Reserved up front (checkMemory counted it): the run appends a row a step.
        record.times.reserve(static_cast<size_t>(rowsFor(group.clock->dt())));
        record.rates.reserve(static_cast<size_t>(rowsFor(group.clock->dt())));
        GroupState* source = &group;
        Clock* clock = group.clock;
        const long long start = monitor.range.start, stop = start + monitor.range.size;
        add(Operation{ScheduleSlot::End, 0, spec.name, clock,
                      [&record, source, clock, start, stop] {
                          record.times.push_back(clock->t());
                          const double spikes = EventsInRange(*source, start, stop).count;
                          record.rates.push_back(spikes /
                                                 (static_cast<double>(stop - start) * clock->dt()));
                      }},
            spec.active);
    }

    void scheduleStateMonitor(const CheckedMonitor& monitor, GroupState& group) {
        const CheckedGroup& checked = model_.groups[monitor.group];
        // Indices count from the subgroup's start, in the kernel (i) as in the record.
        const KernelWriter writer(checked, constantNames_, monitor.range.start);
        const auto recording = recordingOf(recordedIndices(monitor, monitor.range.size));
        auto bound = compile(monitor.spec->name + " state monitor",
                             timedSource([&] { return writer.stateMonitor(monitor.variables); }),
                             group, recording.get());
        recordStates(monitor, *recording, bound, monitor.spec->source);
    }

    /// What a state monitor's kernel records, kept alive by the network.
    std::shared_ptr<StateRecording> recordingOf(const std::vector<long long>& recorded) {
        auto recording = std::make_shared<StateRecording>();
        recording->indices.assign(recorded.begin(), recorded.end());
        network_->keepAlive(recording);
        return recording;
    }

    /// Schedules a state monitor's kernel: each recorded step appends a row
    /// and points the kernel's row at it.
    void recordStates(const CheckedMonitor& monitor, StateRecording& recording,
                      const std::shared_ptr<BoundKernel>& bound, const std::string& source) {
        StateRecord& record = network_->stateRecords().emplace_back();
        record.monitor = monitor.spec->name;
        record.source = source;
        record.dt = monitor.dt;
        for (size_t v = 0; v < monitor.variables.size(); ++v)
            for (std::int32_t index : recording.indices)
                record.columns.push_back(
                    {monitor.spec->variables[v], index, monitor.dimensions[v]});
        bound->context.size = static_cast<std::int64_t>(recording.indices.size());
        network_->keepAlive(bound);
        Clock* clock = monitorClock(monitor);
        BoundKernel* raw = bound.get();
        const size_t columns = record.columns.size();
        // Reserved up front (checkMemory counted it): appending never moves
        // the buffer, so readers may keep pointers into it.
        const auto rows = static_cast<size_t>(rowsFor(monitor.dt));
        record.times.reserve(rows);
        record.values.reserve(rows * columns);
        StateRecording* row = &recording;
        const MonitorSpec& spec = *monitor.spec;
        add(Operation{slotOf(spec.when, ScheduleSlot::Start), orderOf(spec.order), spec.name, clock,
                      [raw, row, &record, clock, columns] {
                          record.times.push_back(clock->t());
                          record.values.resize(record.values.size() + columns);
                          row->row = record.values.data() + record.values.size() - columns;
                          raw->call(*clock);
                      }},
            spec.active);
    }

public:
    /// The build steps of each kind of group and monitor (model/kinds/
    /// describes the kinds), by type name: what its objects become at run time.
    struct GroupBuildStep {
        void (Builder::*allocated)(const CheckedGroup&) const; // once its arrays exist
        void (Builder::*schedule)(const CheckedGroup&, GroupState&);
        bool kernels; // compiled from its fields: rebuilt when a running network takes an edit
    };
    struct MonitorBuildStep {
        void (Builder::*claim)(const CheckedMonitor&, const CheckedGroup&);
        void (Builder::*schedule)(const CheckedMonitor&, GroupState&);
    };

    static const std::map<std::string, GroupBuildStep>& groupSteps() {
        static const std::map<std::string, GroupBuildStep> steps{
            {"NeuronGroup", {nullptr, &Builder::scheduleKernels, true}},
            {"PoissonGroup", {&Builder::refuseNegativeRates, &Builder::scheduleKernels, true}},
            {"SpikeGeneratorGroup", {nullptr, &Builder::scheduleSpikeGenerator, false}}};
        return steps;
    }

    static const std::map<std::string, MonitorBuildStep>& monitorSteps() {
        static const std::map<std::string, MonitorBuildStep> steps{
            {"SpikeMonitor", {&Builder::claimSpikeRecord, &Builder::scheduleSpikeMonitor}},
            {"PopulationRateMonitor", {&Builder::claimRateRecord, &Builder::scheduleRateMonitor}},
            {"StateMonitor", {&Builder::claimStateRecordOf, &Builder::scheduleStateMonitor}},
            {"EventMonitor", {&Builder::claimSpikeRecord, &Builder::scheduleEventMonitor}}};
        return steps;
    }

private:
    static const GroupBuildStep& stepFor(GroupType type) { return groupSteps().at(typeName(type)); }
    static const MonitorBuildStep& stepFor(MonitorType type) {
        return monitorSteps().at(typeName(type));
    }

    void scheduleSynapseStateMonitor(const CheckedMonitor& monitor) {
        const CheckedSynapses& checked = model_.synapses[monitor.group];
        SynapseState& synapses = network_->synapses()[monitor.group];
        for (long long index : monitor.indices)
            if (index >= synapses.size())
                throw ModelError({monitor.spec->name, "record", 0, 0},
                                 "index " + std::to_string(index) + " is out of range for '" +
                                     checked.name + "' with " + std::to_string(synapses.size()) +
                                     " synapses");
        const SynapsesKernelWriter writer(checked, sourceGroupOf(model_.groups, checked),
                                          targetGroupOf(model_.groups, checked), constantNames_);
        claimStateRecord(monitor, recordedCount(monitor, synapses.size()));
        const auto recording = recordingOf(recordedIndices(monitor, synapses.size()));
        auto bound = compile(monitor.spec->name + " state monitor",
                             timedSource([&] { return writer.stateMonitor(monitor.variables); }),
                             synapses, recording.get());
        recordStates(monitor, *recording, bound, checked.name);
    }

    const CheckedModel& model_;
    BuildReport& report_;
    std::optional<MemoryBudget> budget_; // one for the whole build; none when rebinding
    std::unique_ptr<Network> owned_;     // null when rebinding
    Network* network_;
    bool rebinding_ = false;
    bool defaultDtChanges_ = changesDefaultDt(model_); // a protocol sets the default clock's dt
    std::string owner_; // the model object whose operations are being scheduled
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

std::unique_ptr<Network> buildConnectivity(const CheckedModel& model) {
    BuildReport report;
    return Builder(model, report, nullptr).arraysOnly();
}

std::vector<double> rebuildGroupKernels(const CheckedModel& model, Network& network,
                                        LiveKernels& kernels) {
    BuildReport report;
    std::vector<double> constants = Builder(model, report, network).rebindGroupKernels();
    kernels = std::move(report.kernels);
    return constants;
}

bool hasBuildStep(const std::string& typeName) {
    return Builder::groupSteps().count(typeName) > 0 || Builder::monitorSteps().count(typeName) > 0;
}

} // namespace spikestudio
