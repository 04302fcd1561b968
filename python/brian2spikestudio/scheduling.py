"""Brian2's schedule in the model: `when`, `order` and `active` where the
model format takes them, and the run_regularly operations of NeuronGroups
and Synapses. Every other part of an object (state updater, thresholder,
reset, pathways, ...) must sit where Spike Studio puts it for the object's
order; what the format cannot say (custom events' parts in other slots, a
part made inactive on its own) is refused."""
import re

from .context import label
from .equations_text import code_text
from .errors import unsupported
from .quantities import time_text
from .run_regularly_names import default_run_regularly_name

# A top-level object's default (when, order), by its type's name.
TOP_LEVEL = {
    'NeuronGroup': ('start', 0), 'PoissonGroup': ('thresholds', 0),
    'SpikeGeneratorGroup': ('thresholds', 0), 'Synapses': ('start', 0),
    'PoissonInput': ('synapses', 0), 'SpikeMonitor': ('thresholds', 1),
    'EventMonitor': ('thresholds', 1),
    'StateMonitor': ('start', 0), 'PopulationRateMonitor': ('end', 0),
}
# The kinds whose slot the model says (`when`); the others only their order,
# or (PopulationRateMonitor) neither.
TAKES_WHEN = ('SpikeGeneratorGroup', 'PoissonInput', 'SpikeMonitor', 'EventMonitor',
              'StateMonitor')
TAKES_ORDER = TAKES_WHEN + ('NeuronGroup', 'PoissonGroup', 'Synapses')
# A part's default (when, order offset from its owner's order) by its type's name.
# A custom event's thresholder and its run_on_event code: Brian2's default slots.
CUSTOM_EVENT_PARTS = {'Thresholder': 'after_thresholds', 'Resetter': 'after_resets'}
PARTS = {
    'StateUpdater': ('groups', 0), 'Thresholder': ('thresholds', 0), 'Resetter': ('resets', 0),
    'SubexpressionUpdater': ('before_start', 0), 'SummedVariableUpdater': ('groups', -1),
}
PATHWAY_ORDER = {'pre': -1, 'post': 1}


def schedule_fields(obj, spec, context):
    """Adds to `spec` the `when`, `order`, `active` and `run_regularly` that
    schedule `obj` as Brian2 does; refuses what the model cannot say."""
    where = context.where(obj)
    kind = type(obj).__name__
    if not active_at_run(obj, context):
        spec['active'] = False
    default = default_place(obj, kind)
    if default is not None:
        place_fields(obj, kind, default, spec, where)
    for part in obj.contained_objects:
        part_where = context.locator.creation_of(part)
        if type(part).__name__ == 'Synapses':
            # Brian2's run_regularly adds an object with a `source` (meant for a
            # subgroup) to the source's parts: a Synapses object's run_regularly.
            # The Synapses object is translated as an object of its own.
            if part.name not in {o.name for o in context.run.objects}:
                raise unsupported(part_where, '%s run only as a part of %s' % (label(part),
                                                                               label(obj)))
            continue
        if type(part).__name__ == 'Subgroup':  # holds the subgroup's run_regularly
            for runner in part.contained_objects:
                spec.setdefault('run_regularly', []).append(run_regularly_entry(
                    obj, runner, spec, context, context.locator.creation_of(runner), part))
        elif '_run_regularly' in part.name or type(part).__name__ == 'CodeRunner':
            spec.setdefault('run_regularly', []).append(
                run_regularly_entry(obj, part, spec, context, part_where))
        else:
            check_part(obj, part, part_where)
            if active_at_run(part, context) != active_at_run(obj, context):
                raise unsupported(part_where, 'an inactive part (%s) of %s'
                                  % (part.name, label(obj)))


def active_at_run(obj, context):
    """`obj.active` as it was at the run being translated."""
    flags = context.run.active or {}
    return flags.get(id(obj), obj.active)


def default_place(obj, kind):
    expected = TOP_LEVEL.get(kind)
    if expected is None:
        return None
    if kind in ('SpikeMonitor', 'EventMonitor'):
        # Right after the source's threshold: a subgroup runs one order after its group.
        source = obj.source
        base = getattr(source, 'source', source) if type(source).__name__ == 'Subgroup' \
            else source
        offset = 2 if base is not source else 1
        when = base.when if type(base).__name__ == 'SpikeGeneratorGroup' else 'thresholds'
        if obj.event != 'spike' and base is source:
            when = 'after_thresholds'  # right after the custom event's thresholder
        return when, base.order + offset
    return expected


def place_fields(obj, kind, default, spec, where):
    when, order = default
    if kind == 'PoissonGroup':
        when = obj.when  # Brian2 keeps its threshold in 'thresholds' whatever `when` says
    if obj.when == when and obj.order == order:
        return
    if obj.when != when and kind not in TAKES_WHEN:
        raise unsupported(where, "when='%s' (scheduling) on %s" % (obj.when, label(obj)))
    if kind not in TAKES_ORDER:
        raise unsupported(where, 'order=%s (scheduling) on %s' % (obj.order, label(obj)))
    if kind in ('SpikeMonitor', 'EventMonitor'):  # an order needs its when
        spec['when'] = obj.when
        spec['order'] = int(obj.order)
        return
    if obj.when != when:
        spec['when'] = obj.when
    if obj.order != order:
        spec['order'] = int(obj.order)


def run_regularly_entry(owner, part, spec, context, where, subgroup=None):
    """The entry of `part`, a run_regularly of `owner` or of its `subgroup`."""
    runs_on = owner if subgroup is None else subgroup
    if (type(owner).__name__ not in ('NeuronGroup', 'Synapses')
            or type(part).__name__ != 'CodeRunner' or part.group.name != runs_on.name):
        raise unsupported(where, 'run_regularly on %s' % label(part.group))
    if active_at_run(part, context) != active_at_run(owner, context):
        raise unsupported(where, 'an inactive run_regularly (%s) of %s' % (part.name,
                                                                        label(owner)))
    code = code_text(part.abstract_code)
    context.code_names(owner, [code])
    entry = {}
    base = owner.name
    if subgroup is not None:
        base = context.subgroup_name(owner, int(subgroup.start), int(subgroup.stop))
    if part.name != default_run_regularly_name(base, entry_names(spec)):
        entry['name'] = part.name
    entry['code'] = code
    if part.clock is not owner.clock:
        entry['dt'] = time_text(part.clock.dt_, where, 'dt')
    if part.when != 'start':
        entry['when'] = part.when
    if part.order != 0:
        entry['order'] = int(part.order)
    if subgroup is not None:
        entry['subgroup'] = base
    return entry


def entry_names(spec):
    """The names of the run_regularly entries made so far, those without a
    `name` by the name the model gives them (a second unnamed entry of G is
    G_run_regularly_1, as in Brian2)."""
    names = []
    for entry in spec.get('run_regularly', []):
        names.append(entry.get('name', '') or default_run_regularly_name(
            entry.get('subgroup', '') or spec['name'], names))
    return names


def check_part(owner, part, where):
    kind = type(part).__name__
    if kind in CUSTOM_EVENT_PARTS and part.event != 'spike':
        check_slot(part, (CUSTOM_EVENT_PARTS[kind], owner.order), owner, where)
    elif kind == 'SynapticPathway':
        check_slot(part, ('synapses', PATHWAY_ORDER.get(part.prepost)), owner, where)
    elif kind not in PARTS:
        raise unsupported(where, '%s (a %s) of %s' % (part.name, kind, label(owner)))
    else:
        when, offset = PARTS[kind]
        base = owner.order
        if kind == 'SummedVariableUpdater':
            target = part.target
            base = target.order
            if target.__class__.__name__ == 'Subgroup':
                base = target.source.order + 1  # one before the subgroup's order
        check_slot(part, (when, base + offset), owner, where)


def check_slot(obj, expected, owner, where):
    when, order = expected
    if obj.when != when:
        raise unsupported(where, "when='%s' (scheduling) on %s" % (obj.when, label(owner)))
    if obj.order != order:
        raise unsupported(where, 'order=%s (scheduling) on %s' % (obj.order, label(owner)))
