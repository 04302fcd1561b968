"""SpikeMonitor, EventMonitor, StateMonitor and PopulationRateMonitor as Brian2 code."""
from .python_text import call, list_literal, number_literal, string_literal
from .scheduling import active_lines, schedule_arguments


def counts_only(spec):
    """`record=False`: a spike or event monitor that counts events only."""
    return [] if spec.get('record', True) else ['record=False']


def spike_monitor(spec, context):
    return [call('%s = %s(' % (context.variable(spec['name']), context.api('SpikeMonitor')),
                 [context.variable(spec['source'])] + counts_only(spec)
                 + schedule_arguments(spec) + ['name=' + string_literal(spec['name'])])]


def event_monitor(spec, context):
    head = '%s = %s(' % (context.variable(spec['name']), context.api('EventMonitor'))
    arguments = [context.variable(spec['source']), string_literal(spec.get('event', 'spike'))]
    if spec.get('variables'):
        arguments.append('variables=' + list_literal(
            [string_literal(v) for v in spec['variables']], len(head) + 10))
    arguments += counts_only(spec) + schedule_arguments(spec)
    arguments.append('name=' + string_literal(spec['name']))
    return [call(head, arguments)]


def rate_monitor(spec, context):
    head = '%s = %s(' % (context.variable(spec['name']), context.api('PopulationRateMonitor'))
    return [call(head, [context.variable(spec['source']),
                        'name=' + string_literal(spec['name'])])]


def state_monitor(spec, context):
    head = '%s = %s(' % (context.variable(spec['name']), context.api('StateMonitor'))
    variables = [string_literal(v) for v in spec['variables']]
    arguments = [context.variable(spec['source']),
                 variables[0] if len(variables) == 1 else '[%s]' % ', '.join(variables),
                 'record=' + record_literal(spec.get('record', True), len(head) + 7)]
    if 'dt' in spec:
        arguments.append('dt=' + context.value(spec['dt'], spec['name'], 'dt').text)
    arguments += schedule_arguments(spec)
    arguments.append('name=' + string_literal(spec['name']))
    return [call(head, arguments)]


def record_literal(record, indent):
    if isinstance(record, bool):
        return 'True' if record else 'False'
    return list_literal([number_literal(k) for k in record], indent)


MONITOR_WRITERS = {'SpikeMonitor': spike_monitor, 'StateMonitor': state_monitor,
                   'PopulationRateMonitor': rate_monitor, 'EventMonitor': event_monitor}


def monitor_lines(spec, context):
    return (MONITOR_WRITERS[spec['type']](spec, context)
            + active_lines(spec, context.variable(spec['name'])))
