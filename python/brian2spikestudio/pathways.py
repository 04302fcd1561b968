"""A Synapses object's pathways as model fields: `on_pre`, `on_post` and
`delay` when they say it all (one pathway 'pre' on spikes, one pathway 'post'
on spikes without delay), else, per direction, the `pathways` list: Brian2's
pathway dicts, `S.up.delay = ...`, `S.post.delay = ...`, `delay={...}` and
`on_event=`."""
import numpy as np
from brian2.utils.stringtools import get_identifiers
from brian2.units.allunits import second

from .equations_text import code_text
from .initial_values import InitialValues
from .quantities import value_text

DIRECTIONS = ('pre', 'post')


def constant_delay(pathway, context, synapses):
    """A pathway's delay when the script set none (given to the constructor,
    or zero), as text; None for zero."""
    values = np.asarray(pathway.variables['delay'].get_value())
    if values.size == 0 or not np.any(values):
        return None
    if not np.all(values == values.flat[0]):
        context.fail(synapses, "different delays per synapse set from an array on the pathway "
                     "'%s'" % pathway.objname)
    return value_text(values.flat[0] * second, context.where(synapses), 'delay')


def is_object_delay(pathway):
    """Whether `pathway` is the one whose delay is the Synapses object's
    `delay` (Brian2's `S.delay`, the pathway 'pre')."""
    return pathway.objname == 'pre' and pathway.prepost == 'pre'


def may_list_delays(pathway):
    """Whether the `initial` list may hold the pathway's delays: those of a
    pathway the constructor gave no scalar delay (Brian2 then keeps one per
    synapse)."""
    return not pathway.variables['delay'].scalar


def delay_variable(pathway):
    """The model's name for the pathway's delays in the `initial` list:
    `delay` for the pathway 'pre' (Brian2's `S.delay`), `up.delay` for `S.up.delay`."""
    return 'delay' if is_object_delay(pathway) else pathway.objname + '.delay'


def delay_assignments(pathway, synapses, context):
    """The script's assignments to the pathway's delay, as `initial` would hold them."""
    assigned = InitialValues(context, synapses)
    for event in context.assignments_to(synapses):
        if sets_delay_of(event, pathway):
            assigned.add(event)
    return assigned


def sets_delay_of(event, pathway):
    return event.variable == 'delay' and getattr(event.resolver, 'name', None) == pathway.name


def own_variables(synapses):
    """The names of the synapses' own variables: the model's and the
    multisynaptic index Brian2 adds to it."""
    names = set(synapses.equations.names)
    if synapses.multisynaptic_index is not None:
        names.add(synapses.multisynaptic_index)
    return names


def reads_own_variables(pathway, synapses, context):
    """Whether an assignment to the pathway's delay reads the synapses' own
    variables (`S.delay = 'w*ms'`, `'(k + 1)*ms'` with the multisynaptic
    index k): the model's `delay` field sees the pre- and postsynaptic names
    only; the `initial` list sees these too, as set in the script's order."""
    own = own_variables(synapses)
    for event in context.assignments_to(synapses):
        if sets_delay_of(event, pathway):
            texts = [text for text in (event.code, event.index) if isinstance(text, str)]
            if any(own & set(get_identifiers(text)) for text in texts):
                return True
    return False


def delays_in_initial(synapses, context):
    """The pathways whose delays go into the `initial` list with the other
    values (`S.delay['i == 0'] = ...`, `S.post.delay[0:10] = ...`): those set
    by index or condition, as an array or more than once, or from the
    synapses' own variables."""
    listed = []
    for pathway in synapses._pathways:
        assigned = delay_assignments(pathway, synapses, context)
        listable = assigned.is_list or reads_own_variables(pathway, synapses, context)
        if may_list_delays(pathway) and listable:
            if not is_object_delay(pathway):
                refuse_own_delay_reads(pathway, synapses, context)
            listed.append(pathway)
    return listed


def refuse_own_delay_reads(pathway, synapses, context):
    """In the model, `delay` in an expression is the pathway 'pre''s; in
    Brian2, an assignment to `S.up.delay` reads the pathway 'up''s."""
    for event in context.assignments_to(synapses):
        if sets_delay_of(event, pathway):
            texts = [text for text in (event.code, event.index) if isinstance(text, str)]
            if any('delay' in get_identifiers(text) for text in texts):
                context.fail(synapses, "the delays of the pathway '%s' set from its own delays "
                             "(%s)" % (pathway.objname, event.where))


def delay_of(pathway, synapses, context):
    """The pathway's delay as the script set it last (`S.delay` is the
    pathway 'pre''s), else as the constructor gave it; None for none or
    when the `initial` list sets it (delays_in_initial)."""
    assigned = delay_assignments(pathway, synapses, context)
    if assigned.is_list or reads_own_variables(pathway, synapses, context):
        if may_list_delays(pathway):
            return None
        context.fail(synapses, "delays of the pathway '%s' set by index, by condition, as an "
                     'array or more than once, though the constructor gave it one delay for '
                     'all synapses' % pathway.objname)
    if 'delay' in assigned.values:
        return assigned.values['delay']
    return constant_delay(pathway, context, synapses)


def is_simple(own, direction, delays):
    """Whether a direction's pathways are the simple form's (on_pre / on_post)."""
    if not own:
        return True
    if len(own) > 1 or own[0].objname != direction or own[0].event != 'spike':
        return False
    return direction == 'pre' or delays[own[0].name] is None


def pathway_fields(synapses, context):
    """The model fields of `synapses`' pathways, in Brian2's pathway order."""
    delays = {p.name: delay_of(p, synapses, context) for p in synapses._pathways}
    fields, listed = {}, []
    for direction in DIRECTIONS:
        own = [p for p in synapses._pathways if p.prepost == direction]
        simple = is_simple(own, direction, delays)
        for pathway in own:
            code = code_text(pathway.code)
            context.code_names(synapses, [code])
            delay = delays[pathway.name]
            if simple:
                fields['on_' + direction] = code
                if delay is not None:
                    fields['delay'] = delay
                continue
            entry = {'name': pathway.objname, 'direction': direction, 'code': code}
            if delay is not None:
                entry['delay'] = delay
            if pathway.event != 'spike':
                entry['event'] = pathway.event
            listed.append(entry)
    if listed:
        fields['pathways'] = listed
    return fields


def delay_rank(event):
    """Where Spike Studio evaluates the delay an assignment sets: the pathway
    'pre' first, then the other pre pathways, then the post ones, each in
    Brian2's order."""
    pathway = event.resolver
    try:
        names = [p.name for p in pathway.synapses._pathways]
        first = 0 if pathway.objname == 'pre' and pathway.prepost == 'pre' else (
            1 if pathway.prepost == 'pre' else 2)
        return first, names.index(pathway.name)
    except (AttributeError, ReferenceError, ValueError):
        return 0, 0
