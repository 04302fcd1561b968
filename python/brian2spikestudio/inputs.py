"""PoissonInput as a model input."""
from brian2.groups.neurongroup import NeuronGroup

from .quantities import value_text


def poisson_input(obj, context):
    target = obj._group
    target_name = context.group_name(target, (NeuronGroup,))
    if target_name is None:
        context.fail(obj, 'the %s %s as target' % (target.__class__.__name__, target.name))
    where = context.where(obj)
    weight = obj._weight
    if isinstance(weight, str):
        context.names.add(target, [weight], context.run.namespace, where)
    else:
        weight = value_text(weight, where, 'weight')
    return {'name': obj.name, 'target': target_name, 'variable': obj._target_var,
            'N': int(obj._N), 'rate': value_text(obj._rate, where, 'rate'), 'weight': weight}


def schedule_order(inputs):
    """PoissonInputs in the order that gives each, under the schedule name Spike
    Studio derives from its position (poissoninput, poissoninput_1, ...), the
    place Brian2 gives it by its own name among the PoissonInputs of a step."""
    by_name = sorted(inputs, key=lambda spec: spec['name'])
    names = ['poissoninput'] + ['poissoninput_%d' % k for k in range(1, len(inputs))]
    ordered = [None] * len(inputs)
    for rank, position in enumerate(sorted(range(len(inputs)), key=lambda k: names[k])):
        ordered[position] = by_name[rank]
    return ordered
