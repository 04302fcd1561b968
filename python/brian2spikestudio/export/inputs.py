"""TimedArrays, BinomialFunctions and PoissonInputs as Brian2 code.

Brian2 names PoissonInputs itself (poissoninput, poissoninput_1, ... in the
order they are made; PoissonInput takes no name), and orders them by those
names within a time step, as Spike Studio orders the model's PoissonInputs
by position: created in the model's order, they run in Spike Studio's order.
Their model names become the Python variables."""
import ast

from .python_text import call, list_literal, number_literal, string_literal
from .scheduling import active_lines, schedule_arguments


def timed_array_lines(spec, context, prefix=''):
    """`name = TimedArray(values*unit, dt=...)`; `prefix` names the protocol's
    entry when it replaces the model's TimedArray ('protocol[1].set[0].')."""
    name = spec['name']
    head = '%s = %s(' % (name, context.api('TimedArray'))
    values = spec['values']
    if values and isinstance(values[0], list):
        rows = [list_literal([number_literal(v) for v in row], len(head) + 1) for row in values]
        table = list_literal(rows, len(head))
    else:
        table = list_literal([number_literal(v) for v in values], len(head))
    if spec.get('unit', '') != '':
        table = scaled(table, context.value(spec['unit'], name, prefix + 'unit').text, context)
    arguments = [table, 'dt=' + context.value(spec['dt'], name, prefix + 'dt').text]
    return [call(head, arguments)]


def binomial_function_lines(spec, context):
    """`name = BinomialFunction(n, p)` (`approximate=False` when the model
    says so): code calls it by that Python name, `name()`, and Brian2's
    numpy target draws it as Spike Studio does."""
    name = spec['name']
    head = '%s = %s(' % (name, context.api('BinomialFunction'))
    arguments = [number_literal(spec['n']), context.value(spec['p'], name, 'p').text]
    if not spec.get('approximate', True):
        arguments.append('approximate=False')
    return [call(head, arguments)]


def scaled(table, unit, context):
    """Values times their unit: `[...]*mV` for a unit's name, else through an
    array (a list times an integer would repeat the list)."""
    try:
        node = ast.parse(unit, mode='eval').body
    except SyntaxError:
        node = None
    if isinstance(node, ast.Name) and context.is_unit(node.id):
        return '%s*%s' % (table, unit)
    return '%s(%s)*(%s)' % (context.api('array'), table, unit)


def poisson_input_lines(spec, context):
    name = spec['name']
    head = '%s = %s(' % (context.variable(name), context.api('PoissonInput'))
    arguments = [context.variable(spec['target']), string_literal(spec['variable']),
                 'N=' + number_literal(spec['N']),
                 'rate=' + context.value(spec['rate'], name, 'rate').text,
                 'weight=' + string_literal(spec['weight'])] + schedule_arguments(spec)
    return [call(head, arguments)] + active_lines(spec, context.variable(name))
