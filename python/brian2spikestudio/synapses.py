"""Synapses as model synapses: equations, pathways (pathways.py), the connect
calls (one as an object, several as a list), the multisynaptic index, initial
values."""
import numpy as np
from brian2.groups.neurongroup import NeuronGroup
from brian2.input.poissongroup import PoissonGroup
from brian2.input.spikegeneratorgroup import SpikeGeneratorGroup

from .equations_text import equations_of, equations_text, expressions_of
from .errors import ImportFailure, unsupported
from .groups import is_gsl, method_field
from .names import generator_texts, renamed
from .pathways import delay_variable, delays_in_initial, pathway_fields, sets_delay_of
from .quantities import number_text
from .recording import Assignment

MODEL_GROUPS = (NeuronGroup, PoissonGroup, SpikeGeneratorGroup)


def endpoint(synapses, group, side, context):
    """The model group or subgroup on one side of `synapses`, or another
    Synapses object of the run: synapses read by synapses (source) or acted
    on by them (target)."""
    name = context.group_name(group, MODEL_GROUPS)
    if name is not None:
        return name
    kind = group.__class__.__name__
    if kind == 'Synapses':
        if context.in_model(group):
            return group.name
        context.fail(synapses, "the Synapses '%s' as %s, which the run does not include"
                     % (group.name, 'source' if side == 'pre' else 'target'))
    context.fail(synapses, "the %s '%s' as %s" % (kind, group.name, side))


def connect_field(synapses, context):
    """The model's `connect`: one call as an object, several as a list in call order."""
    calls = context.connect_calls(synapses)
    if not calls:
        return {'i': [], 'j': []}  # never connected: no synapses
    refuse_values_between(calls, synapses, context)
    specs = [connect_spec(call, synapses, context) for call in calls]
    return specs[0] if len(specs) == 1 else specs


def refuse_values_between(calls, synapses, context):
    """Values set between two connect() calls reach only the synapses made
    so far; the model sets its values after all of them."""
    first, last = context.events.index(calls[0]), context.events.index(calls[-1])
    for event in context.events[first:last]:
        if isinstance(event, Assignment) and getattr(event.owner, 'name', None) == synapses.name:
            raise unsupported(event.where, "values of Synapses '%s' set between two of its "
                              'connect() calls (%s and %s)'
                              % (synapses.name, calls[0].where, calls[-1].where))


def connect_spec(call, synapses, context):
    """One connect() call as a connect object: a rule, arrays or a generator."""
    spec = connect_form(call, synapses, context)
    if call.skip_if_invalid and 'i' not in spec:  # Brian2 refuses it with index arrays
        spec['skip_if_invalid'] = True
    return spec


def connect_form(call, synapses, context):
    condition, i, j = call.condition, call.i, call.j
    if condition is None and i is None and j is None:
        condition = True
    texts, local_names = [], ()
    if condition is not None:
        if condition is False or (isinstance(condition, str) and condition.strip() == 'False'):
            return {'i': [], 'j': []}
        spec = {}
        if isinstance(condition, str) and condition.strip() != 'True':
            spec['condition'] = condition
            texts.append(condition)
        add_number_or_text(spec, 'p', call.p, 1, texts)
    elif isinstance(i, str) or isinstance(j, str):
        # Brian2's generator syntax, for j over each source, or for i over each target.
        side, other = ('i', 'j') if isinstance(i, str) else ('j', 'i')
        generator = synapses._finalize_generator_expression(getattr(call, side),
                                                            getattr(call, other), call.p, side,
                                                            other)
        spec = {side: generator}
        generator_parts, inner = generator_texts(generator)
        texts += generator_parts
        local_names = (inner,)
    else:
        spec = index_arrays(call)
        if isinstance(call.p, str):  # a number (its exact text in the model) is fine
            raise unsupported(call.where, 'connect() with index arrays and a p expression')
        add_number_or_text(spec, 'p', call.p, 1, texts)
        return with_names_at_line(spec, texts, (), synapses, call, context)
    add_number_or_text(spec, 'n', call.n, 1, texts)
    return with_names_at_line(spec, texts, local_names, synapses, call, context)


def with_names_at_line(spec, texts, local_names, synapses, call, context):
    """The connect spec with its names' values at the connect() line (Brian2
    connects there): a constant set to another value since is renamed."""
    renames = context.names.add_at_line(synapses, texts, call.namespace, call.where, local_names)
    return {key: renamed(value, renames) for key, value in spec.items()}


def add_number_or_text(spec, key, value, default, texts):
    """p or n: an expression as written, a number as its shortest exact text."""
    if isinstance(value, str):
        spec[key] = value
        texts.append(value)
    elif value != default:
        spec[key] = number_text(value.item() if hasattr(value, 'item') else value)


def index_arrays(call):
    i, j, n = np.broadcast_arrays(np.asarray(call.i), np.asarray(call.j), np.asarray(call.n))
    if i.ndim > 1:
        raise ImportFailure(call.where, 'connect() needs one-dimensional index arrays')
    if n.size and not np.all(n == n.flat[0]):
        raise unsupported(call.where, 'connect() with a different n per pair')
    spec = {'i': [int(k) for k in i.flat], 'j': [int(k) for k in j.flat]}
    if n.size and int(n.flat[0]) != 1:
        spec['n'] = int(n.flat[0])
    return spec


def synapses(obj, context):
    _, model = context.recording.synapses_models.get(id(obj), (obj, None))
    equations = equations_of(model)  # the model as written: without the multisynaptic index
    context.code_names(obj, expressions_of(equations))
    spec = {'name': obj.name, 'source': endpoint(obj, obj.source, 'pre', context),
            'target': endpoint(obj, obj.target, 'post', context)}
    if len(equations):
        spec['model'] = equations_text(equations)
    fields = pathway_fields(obj, context)
    for key in ('on_pre', 'on_post'):
        if key in fields:
            spec[key] = fields[key]
    spec['connect'] = connect_field(obj, context)
    if obj.multisynaptic_index is not None:
        spec['multisynaptic_index'] = obj.multisynaptic_index
    for key in ('delay', 'pathways'):
        if key in fields:
            spec[key] = fields[key]
    if obj.state_updater is not None:
        method = synapses_method(obj, context)
        if method is not None:
            spec['method'] = method
    context.clock_field(obj, spec)
    initial = initial_field(obj, context)
    if initial:
        spec['initial'] = initial
    return spec


def synapses_method(obj, context):
    """The model's `method` of a Synapses object: GSL methods and method
    options are the NeuronGroup's alone."""
    method = method_field(obj, obj.state_updater.method_choice, context)
    if is_gsl(method):
        context.fail(obj, "the GSL method '%s' (GSL integrates NeuronGroups only)" % method)
    if obj.state_updater.method_options:
        context.fail(obj, 'method_options (%s)' % ', '.join(
            sorted(map(str, obj.state_updater.method_options))))
    return method


def initial_field(obj, context):
    """`initial`: the values set before the run, and the delays of pathways
    when only the list form can say them (`delay` for the pathway 'pre',
    `up.delay` for another; the `delay` fields hold them otherwise)."""
    listed = delays_in_initial(obj, context)

    def keep(event):
        return event.variable != 'delay' or any(sets_delay_of(event, p) for p in listed)

    def variable_of(event):
        return delay_variable(event.resolver) if event.variable == 'delay' else event.variable

    values = context.initial_values(obj, keep=keep, variable_of=variable_of)
    # delays are only ever set in the list form (its order is the script's)
    return values.entries if listed else values.field()
