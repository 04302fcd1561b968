"""NeuronGroup, PoissonGroup and SpikeGeneratorGroup as Brian2 code: the
constructor call, then the initial values in the model's order (as Brian2
string expressions, which Brian2 evaluates per neuron, drawing rand() from
its stream exactly where Spike Studio draws it)."""
import ast

from ..assignments import brian2_item_text, entries_of
from ..model_file import FRESH_SEED, ModelFileError, is_seed_entry
from .python_text import block_literal, call, list_literal, number_literal, string_literal
from .python_text import value_literal, wrapped_items
from .scheduling import active_lines, run_regularly_lines, schedule_arguments
from .script_names import check_name


def clock_arguments(spec, context):
    if 'dt' in spec:
        return ['dt=' + context.value(spec['dt'], spec['name'], 'dt').text]
    return []


def initial_values(spec, variable, context):
    """`G.v = 'El'` for each initial value, in the model's order; in the list
    form with Brian2's indexing (`G.v[10:20] = ...`, `S.w['i > j'] = ...`,
    `S.w[0, :] = ...`), arrays as lists times their unit, and seed entries as
    `seed(...)` where they stand."""
    lines = []
    for position, entry in enumerate(entries_of(spec)):
        lines += assignment_lines(entry, variable, spec['name'], 'initial[%d]' % position,
                                  context)
    return lines


def seed_line(entry, context):
    """A seed entry as Brian2's call: `seed(13579)`, or `seed()` for "fresh"
    (Brian2 then seeds from the system's entropy, Spike Studio from the
    run's seed: other numbers either way)."""
    seed = entry['seed']
    return '%s(%s)' % (context.api('seed'), '' if seed == FRESH_SEED else number_literal(seed))


def assignment_lines(entry, variable, name, field, context):
    """One entry of a list of assignments (`initial`, a protocol's `set`) as Brian2 code."""
    if is_seed_entry(entry):
        return [seed_line(entry, context)]
    target = '%s.%s%s' % (variable, assigned_name(entry['variable'], name, field),
                          brian2_item_text(entry))
    value = entry['value']
    if isinstance(value, list):
        text = array_literal(entry, len(target) + 3, name, field, context)
    else:
        text = value_literal(value)
    return ['%s = %s' % (target, text)]


def assigned_name(variable, name, field):
    """A variable, or a pathway's delays (`up.delay`: Brian2's `S.up.delay`)."""
    if isinstance(variable, str) and variable.endswith('.delay'):
        return check_name(variable[:-len('.delay')], name, field) + '.delay'
    return check_name(variable, name, field)


def array_literal(entry, indent, name, field, context):
    """`[-70, -65.5]*mV`: Brian2 multiplies each number by the unit, as Spike Studio does."""
    numbers = list_literal([number_literal(v) for v in entry['value']], indent)
    if entry.get('unit', '') in ('', '1'):
        return numbers
    unit = context.value(entry['unit'], name, field + '.unit').text
    return '%s*%s' % (numbers, unit if context.is_unit(unit) else '(%s)' % unit)


def neuron_group(spec, context, equations_name):
    """`equations_name` names the variable that holds multi-line equations."""
    name = spec['name']
    variable = context.variable(name)
    lines = []
    equations = str(spec['equations'])
    if len([line for line in equations.splitlines() if line.strip()]) > 1:
        lines.append('%s = %s' % (equations_name, block_literal(equations, 0)))
        equations_argument = equations_name
    else:
        equations_argument = string_literal(equations.strip())
    arguments = [number_literal(spec['N']), equations_argument]
    for key in ('threshold', 'reset'):
        if spec.get(key, '') != '':
            arguments.append('%s=%s' % (key, string_literal(spec[key])))
    if spec.get('refractory', '') != '':
        arguments.append('refractory=' + context.value_or_code(spec['refractory'], name,
                                                               'refractory'))
    if spec.get('events'):
        arguments.append(events_argument(spec))
    if spec.get('method', '') != '':
        arguments.append('method=' + string_literal(spec['method']))
    head = '%s = %s(' % (variable, context.api('NeuronGroup'))
    if spec.get('method_options'):
        arguments.append(method_options_argument(spec, context, len(head)))
    arguments += clock_arguments(spec, context) + schedule_arguments(spec)
    arguments.append('name=' + string_literal(name))
    lines.append(call(head, arguments))
    return lines + event_code_lines(spec, variable) + initial_values(spec, variable, context)


def uses_gsl(model):
    """Whether a group of `model` is integrated by one of Brian2's GSL methods."""
    return any(str(spec.get('method', '')).startswith('gsl') for spec in model['groups'])


def method_options_argument(spec, context, indent):
    """`method_options={...}` as Brian2 takes it for a GSL method: the
    `absolute_error[v]` entries gathered into absolute_error_per_variable,
    absolute_error a float, max_steps an int, the flags True or False;
    wrapped under its brace when it does not fit on a line."""
    name = spec['name']
    items, per_variable = [], []
    for key, value in spec['method_options'].items():
        field = 'method_options.' + key
        if key.startswith('absolute_error[') and key.endswith(']'):
            variable = check_name(key[len('absolute_error['):-1], name, field)
            if not per_variable:
                items.append(None)  # where absolute_error_per_variable goes
            per_variable.append('%s: %s' % (string_literal(variable),
                                            context.value(value, name, field).text))
        else:
            items.append('%s: %s' % (string_literal(key), option_literal(key, value, name,
                                                                         context)))
    head = 'method_options={'
    inner = indent + len(head)
    if per_variable:
        key = string_literal('absolute_error_per_variable') + ': {'
        items[items.index(None)] = key + wrapped_items(per_variable, inner + len(key)) + '}'
    return head + wrapped_items(items, inner) + '}'


def option_literal(key, value, name, context):
    """A GSL option's value as the Python Brian2 wants: True or False for the
    flags, an int for max_steps, a float for absolute_error."""
    field = 'method_options.' + key
    if isinstance(value, bool) or value in ('True', 'False'):
        return 'True' if value in (True, 'True') else 'False'
    text = context.value(value, name, field).text
    number = number_in(text)
    if key == 'max_steps':
        return str(int(number)) if number is not None else 'int(%s)' % text
    return repr(float(number)) if number is not None else 'float(%s)' % text


def number_in(text):
    """The number `text` is written as ("1e-5", "1000"), or None for an expression."""
    try:
        node = ast.parse(text, mode='eval').body
    except SyntaxError:
        return None
    if (isinstance(node, ast.Constant) and isinstance(node.value, (int, float))
            and not isinstance(node.value, bool)):
        return node.value
    return None


def events_argument(spec):
    """`events={'up': 'v > Vt'}`: the custom events in the model's order."""
    return 'events={%s}' % ', '.join('%s: %s' % (string_literal(event['name']),
                                                 string_literal(event['condition']))
                                     for event in spec['events'])


def event_code_lines(spec, variable):
    """`G.run_on_event('up', 'x += 1')` for each custom event with code."""
    return ['%s.run_on_event(%s, %s)' % (variable, string_literal(event['name']),
                                         string_literal(event['code']))
            for event in spec.get('events', []) if event.get('code', '') != '']


def poisson_group(spec, context, _equations_name=None):
    name = spec['name']
    arguments = [number_literal(spec['N']),
                 'rates=' + context.value_or_code(spec['rates'], name, 'rates')]
    arguments += clock_arguments(spec, context) + schedule_arguments(spec)
    arguments.append('name=' + string_literal(name))
    return [call('%s = %s(' % (context.variable(name), context.api('PoissonGroup')), arguments)]


def spike_generator_group(spec, context, _equations_name=None):
    name = spec['name']
    variable = context.variable(name)
    head = '%s = %s(' % (variable, context.api('SpikeGeneratorGroup'))
    indent = len(head)
    indices = spec['indices'] if isinstance(spec['indices'], list) else [spec['indices']]
    arguments = [number_literal(spec['N']),
                 list_literal([number_literal(k) for k in indices], indent),
                 spike_times(spec['times'], name, 'times', context, indent)]
    if spec.get('period', '') != '':
        arguments.append('period=' + context.value(spec['period'], name, 'period').text)
    arguments += clock_arguments(spec, context) + schedule_arguments(spec)
    arguments.append('name=' + string_literal(name))
    return [call(head, arguments)]


def set_spikes_lines(change, field, context):
    """New spikes of a protocol's segment as Brian2's call before its run():
    `SG.set_spikes([0, 2], [1, 3.5]*ms, period=5*ms)` (no period: Brian2's
    default, none)."""
    head = '%s.set_spikes(' % context.variable(change['object'])
    indent = len(head)
    arguments = [list_literal([number_literal(k) for k in change['indices']], indent),
                 spike_times(change['times'], 'model', field + '.times', context, indent)]
    if change.get('period', '') != '':
        arguments.append('period=' + context.value(change['period'], 'model',
                                                   field + '.period').text)
    return [call(head, arguments)]


def spike_times(times, name, field, context, indent):
    """`[2, 5.03, 20]*ms` when every time is a number times one unit (the
    same doubles: Brian2 multiplies each number by the unit), else a
    Quantity of the times as written; `name` and `field` name them in errors."""
    checked = [context.value(t, name, '%s[%d]' % (field, k)) for k, t in enumerate(times)]
    parts = [number_times_unit(expression.text, context) for expression in checked]
    units = {part[1] for part in parts if part is not None}
    if times and None not in parts and len(units) == 1:
        numbers = [part[0] for part in parts]
        return list_literal(numbers, indent) + '*' + units.pop()
    if not times:
        return '[]*%s' % context.api('second')
    items = [expression.text for expression in checked]
    head = context.api('Quantity') + '('
    return head + list_literal(items, indent + len(head)) + ')'


def number_times_unit(text, context):
    """("5.03", "ms") for "5.03*ms" where ms is a unit, else None."""
    try:
        node = ast.parse(text, mode='eval').body
    except SyntaxError:
        return None
    if (isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult)
            and isinstance(node.left, ast.Constant) and isinstance(node.left.value, (int, float))
            and not isinstance(node.left.value, bool) and isinstance(node.right, ast.Name)
            and context.is_unit(node.right.id)):
        return number_literal(node.left.value), node.right.id
    return None


GROUP_WRITERS = {'NeuronGroup': neuron_group, 'PoissonGroup': poisson_group,
                 'SpikeGeneratorGroup': spike_generator_group}


def group_lines(spec, context, equations_name):
    writer = GROUP_WRITERS.get(spec['type'])
    if writer is None:
        raise ModelFileError(spec['name'], 'type', "unknown group type '%s'" % spec['type'])
    variable = context.variable(spec['name'])
    return (writer(spec, context, equations_name) + subgroup_lines(spec, context)
            + run_regularly_lines(spec, variable, context) + active_lines(spec, variable))


def link_lines(spec, context):
    """`G.x = linked_var(H, 'v', index=[...])` for each of the group's links;
    written after every group, since a link may read a later one."""
    variable = context.variable(spec['name'])
    lines = []
    for k, link in enumerate(spec.get('links', [])):
        field = 'links[%d]' % k
        check_name(link['variable'], spec['name'], field + '.variable')
        check_name(link['source_variable'], spec['name'], field + '.source_variable')
        arguments = [context.variable(link['source']), string_literal(link['source_variable'])]
        if 'index' in link:
            prefix = '%s.%s = %s(' % (variable, link['variable'], context.api('linked_var'))
            arguments.append('index=' + list_literal([number_literal(k) for k in link['index']],
                                                     len(prefix) + 6))
        lines.append(call('%s.%s = %s(' % (variable, link['variable'],
                                           context.api('linked_var')), arguments))
    return lines


def subgroup_lines(spec, context):
    """`Pe = P[0:3200]` for each subgroup, which synapses, monitors and inputs use."""
    group = context.variable(spec['name'])
    return ['%s = %s[%d:%d]' % (context.variable(subgroup['name']), group, subgroup['start'],
                                subgroup['stop']) for subgroup in spec.get('subgroups', [])]
