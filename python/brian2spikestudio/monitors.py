"""SpikeMonitor, EventMonitor, StateMonitor and PopulationRateMonitor as model monitors."""
from brian2.groups.neurongroup import NeuronGroup
from brian2.input.poissongroup import PoissonGroup
from brian2.input.spikegeneratorgroup import SpikeGeneratorGroup
from brian2.synapses.synapses import Synapses

GROUPS = (NeuronGroup, PoissonGroup, SpikeGeneratorGroup)


def source_name(monitor, context, kinds=GROUPS):
    source = monitor.source
    name = context.group_name(source, kinds)
    if name is not None:
        return name
    context.fail(monitor, "the %s '%s' as source" % (source.__class__.__name__, source.name))


def spike_monitor(monitor, context):
    """A SpikeMonitor; with variables=, the EventMonitor of 'spike' it is."""
    if recorded_variables(monitor):
        return event_monitor(monitor, context)
    spec = {'name': monitor.name, 'type': 'SpikeMonitor',
            'source': source_name(monitor, context)}
    return with_record_field(monitor, spec, context)


def event_monitor(monitor, context):
    spec = {'name': monitor.name, 'type': 'EventMonitor',
            'source': source_name(monitor, context), 'event': monitor.event}
    if recorded_variables(monitor):
        spec['variables'] = recorded_variables(monitor)
    return with_record_field(monitor, spec, context)


def recorded_variables(monitor):
    """What an event monitor records beside i and t, in the order its CSV columns
    come (Brian2 keeps them as a set)."""
    return sorted(set(monitor.record_variables) - {'i', 't'})


def with_record_field(monitor, spec, context):
    """Brian2 2.5.1 reads `record` as a truth value: `record=[0, 1]` records
    every neuron's events, as `record=True` does; `record=False` counts them
    alone (`"record": false`). With variables, Brian2 records their values
    at each event without i and t: the model records the events whole (the
    values need their rows), and Brian2's monitor is given the values."""
    if monitor.record is False and not recorded_variables(monitor):
        spec['record'] = False
    return spec


def state_monitor(monitor, context):
    spec = {'name': monitor.name, 'type': 'StateMonitor',
            'source': source_name(monitor, context, GROUPS + (Synapses,)),
            'variables': list(monitor.record_variables)}
    if monitor.record_all:
        spec['record'] = True
    elif len(monitor.record):
        spec['record'] = [int(k) for k in monitor.record]
    else:
        spec['record'] = False
    context.clock_field(monitor, spec, reference_clock=monitor.source.clock)
    return spec


def rate_monitor(monitor, context):
    return {'name': monitor.name, 'type': 'PopulationRateMonitor',
            'source': source_name(monitor, context)}
