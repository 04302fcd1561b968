"""The model's scheduling fields as Brian2 code: `when=` and `order=`
arguments, `G.run_regularly(...)` calls and `G.active = False`."""
from ..run_regularly_names import default_run_regularly_name
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
    """`G.run_regularly(...)`, or `Pe.run_regularly(...)` on a subgroup; a
    subgroup's entry is given its model name (Brian2 would name it after its
    own name for the slice, which orders it differently in its slot)."""
    lines = []
    taken = set()
    for k, entry in enumerate(spec.get('run_regularly', [])):
        subgroup = entry.get('subgroup', '')
        head = '%s.run_regularly(' % (context.variable(subgroup) if subgroup else variable)
        name = entry.get('name', '') or default_run_regularly_name(subgroup or spec['name'],
                                                                    taken)
        taken.add(name)
        arguments = [string_literal(entry['code'])]
        if entry.get('dt', '') != '':
            arguments.append('dt=' + context.value(entry['dt'], spec['name'],
                                                   'run_regularly[%d].dt' % k).text)
        arguments += schedule_arguments(entry)
        if entry.get('name', '') != '' or subgroup:
            arguments.append('name=' + string_literal(name))
        lines.append(call(head, arguments))
    return lines


def active_lines(spec, variable):
    """Brian2's `active` is set on the object after creating it."""
    return [] if spec.get('active', True) else ['%s.active = False' % variable]
