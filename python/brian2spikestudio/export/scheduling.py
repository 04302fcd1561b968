"""The model's scheduling fields as Brian2 code: `when=` and `order=`
arguments, `G.run_regularly(...)` calls and `G.active = False`."""
from .python_text import call, number_literal, string_literal


def schedule_arguments(spec):
    """`when='end'`, `order=1`: only those the model gives."""
    arguments = []
    if spec.get('when', '') != '':
        arguments.append('when=' + string_literal(spec['when']))
    if 'order' in spec:
        arguments.append('order=' + number_literal(spec['order']))
    return arguments


def run_regularly_lines(spec, variable, context):
    lines = []
    for k, entry in enumerate(spec.get('run_regularly', [])):
        head = '%s.run_regularly(' % variable
        arguments = [string_literal(entry['code'])]
        if entry.get('dt', '') != '':
            arguments.append('dt=' + context.value(entry['dt'], spec['name'],
                                                   'run_regularly[%d].dt' % k).text)
        arguments += schedule_arguments(entry)
        if entry.get('name', '') != '':
            arguments.append('name=' + string_literal(entry['name']))
        lines.append(call(head, arguments))
    return lines


def active_lines(spec, variable):
    """Brian2's `active` is set on the object after creating it."""
    return [] if spec.get('active', True) else ['%s.active = False' % variable]
