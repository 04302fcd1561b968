#include "model/ScheduleChecker.h"

#include "diagnostics/ModelError.h"
#include "timing/ScheduleSlotNames.h"

namespace spikestudio {

ScheduleSlot checkedSlot(const std::string& when, ScheduleSlot fallback, const std::string& object,
                         const std::string& field) {
    if (when.empty())
        return fallback;
    if (const auto slot = scheduleSlotNamed(when))
        return *slot;
    throw ModelError({object, field, 0, 0},
                     "unknown schedule slot '" + when + "' (" + scheduleSlotNames() + ")");
}

namespace {

template <typename Spec> void checkWhen(const Spec& spec, ProblemCollector& problems) {
    problems.attempt([&] { checkedSlot(spec.when, ScheduleSlot::Start, spec.name, "when"); });
}

void checkMonitorOrder(const MonitorSpec& monitor, ProblemCollector& problems) {
    const bool ofEvents = monitor.type == MonitorType::Spike || monitor.type == MonitorType::Event;
    if (ofEvents && monitor.order && monitor.when.empty())
        problems.attempt([&] {
            throw ModelError({monitor.name, "order", 0, 0},
                             "an 'order' needs a 'when' here (Brian2: 'Cannot specify order if "
                             "when is not specified'); without both the monitor runs right after "
                             "its source's threshold");
        });
}

} // namespace

void checkSchedules(const Model& model, ProblemCollector& problems) {
    for (const GroupSpec& group : model.groups)
        checkWhen(group, problems);
    for (const SynapsesSpec& synapses : model.synapses)
        checkWhen(synapses, problems);
    for (const PoissonInputSpec& input : model.poissonInputs)
        checkWhen(input, problems);
    for (const MonitorSpec& monitor : model.monitors) {
        checkWhen(monitor, problems);
        checkMonitorOrder(monitor, problems);
    }
}

} // namespace spikestudio
