"""Synapses as Brian2 code: the constructor (equations, pathways, a delay
that is one value for all synapses, method, clock, name), the connect call
(a rule, index arrays or generator syntax; one call for each of a list), a
delay per synapse, the initial values (in the order in which Spike Studio
draws their random numbers: connect, delay, values), then run_regularly."""
from ..model_file import generator_side
from . import pathways
from .groups import clock_arguments, initial_values
from .python_text import block_literal, call, list_literal, number_literal, string_literal
from .python_text import value_literal
from .scheduling import active_lines, run_regularly_lines, schedule_arguments


def synapses_lines(spec, context):
    name = spec['name']
    variable = context.variable(name)
    lines = [constructor(spec, variable, context)]
    lines += [connect_call(connect, variable, context) for connect in connect_calls(spec)]
    if pathways.uses_pathways(spec):
        lines += pathways.delay_lines(spec, variable, context)
    elif spec.get('delay', '') != '' and not has_fixed_delay(spec, context):
        lines.append('%s.delay = %s' % (variable, value_literal(spec['delay'])))
    return (lines + initial_values(spec, variable, context)
            + run_regularly_lines(spec, variable, context) + active_lines(spec, variable))


def has_fixed_delay(spec, context):
    """Whether the delay is one value for every synapse, known before the run
    (then it goes to the constructor, as brian2genn requires)."""
    return spec.get('delay', '') != '' and pathways.is_constructor_delay(
        spec, 'pre', spec['delay'], context)


def constructor(spec, variable, context):
    name = spec['name']
    head = '%s = %s(' % (variable, context.api('Synapses'))
    indent = len(head)
    arguments = [context.variable(spec['source']), context.variable(spec['target'])]
    if str(spec.get('model', '')).strip():
        arguments.append(block_literal(spec['model'], indent))
    if pathways.uses_pathways(spec):
        arguments += pathways.code_arguments(spec, indent)
        arguments += pathways.delay_argument(spec, context)
    else:
        for key in ('on_pre', 'on_post'):
            if str(spec.get(key, '')).strip():
                arguments.append('%s=%s' % (key, block_literal(spec[key], indent)))
        if has_fixed_delay(spec, context):
            arguments.append('delay=' + context.value(spec['delay'], name, 'delay').text)
    if spec.get('multisynaptic_index', '') != '':
        arguments.append('multisynaptic_index=' + string_literal(spec['multisynaptic_index']))
    if spec.get('method', '') != '':
        arguments.append('method=' + string_literal(spec['method']))
    arguments += clock_arguments(spec, context) + schedule_arguments(spec)
    arguments.append('name=' + string_literal(name))
    return call(head, arguments)


def connect_calls(spec):
    """The model's `connect` as Brian2's connect() calls, in order."""
    connect = spec.get('connect', {})
    return connect if isinstance(connect, list) else [connect]


def connect_call(connect, variable, context):
    head = '%s.connect(' % variable
    return call(head, connect_arguments(connect, len(head)))


def connect_arguments(connect, indent):
    """Brian2's connect arguments for the model's `connect` (`{}`: all to all)."""
    generator = generator_side(connect)
    if generator:
        arguments = ['%s=%s' % (generator, string_literal(connect[generator]))]
    elif connect.get('i') == [] and connect.get('j') == []:
        return ['False']  # no synapses (Brian2 refuses empty index lists: not integers)
    elif 'i' in connect or 'j' in connect:
        arguments = ['%s=%s' % (key, index_list(connect[key], indent + 2))
                     for key in ('i', 'j')]
    elif 'condition' in connect:
        arguments = ['condition=' + value_literal(connect['condition'])]
    else:
        arguments = []
    for key in ('p', 'n'):
        if key in connect:
            arguments.append('%s=%s' % (key, value_literal(connect[key])))
    if connect.get('skip_if_invalid'):
        arguments.append('skip_if_invalid=True')
    return arguments


def index_list(indices, indent):
    if isinstance(indices, list):
        return list_literal([number_literal(k) for k in indices], indent)
    return number_literal(indices)
