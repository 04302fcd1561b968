"""Brian2's schedule as Spike Studio runs it: every object and every part of
it (state updater, thresholder, reset, pathways, ...) in its default slot and
order. `when=` and `order=` elsewhere, inactive objects and run_regularly
are refused: the model format cannot say them yet."""
from .context import label
from .errors import unsupported

# A top-level object's default (when, order), by its type's name.
TOP_LEVEL = {
    'NeuronGroup': ('start', 0), 'PoissonGroup': ('thresholds', 0),
    'SpikeGeneratorGroup': ('thresholds', 0), 'Synapses': ('start', 0),
    'PoissonInput': ('synapses', 0), 'SpikeMonitor': ('thresholds', 1),
    'EventMonitor': ('thresholds', 1),
    'StateMonitor': ('start', 0), 'PopulationRateMonitor': ('end', 0),
}
# A part's default (when, order) by its type's name; a pathway's order is its side's.
PARTS = {
    'StateUpdater': ('groups', 0), 'Thresholder': ('thresholds', 0), 'Resetter': ('resets', 0),
    'SubexpressionUpdater': ('before_start', 0), 'SummedVariableUpdater': ('groups', -1),
}
# A custom event's thresholder and its run_on_event code (Brian2's defaults).
CUSTOM_EVENT_PARTS = {'Thresholder': ('after_thresholds', 0), 'Resetter': ('after_resets', 0)}
PATHWAY_ORDER = {'pre': -1, 'post': 1}


def records_custom_event_of_group(obj):
    """An EventMonitor of a whole group's custom event follows that event's
    thresholder; a subgroup's follows the subgroup in 'thresholds'."""
    return type(obj).__name__ == 'EventMonitor' and obj.event != 'spike' \
        and obj.source.__class__.__name__ != 'Subgroup'


def check_schedule(obj, context):
    """Refuses what Spike Studio would schedule differently from Brian2."""
    where = context.where(obj)
    if not obj.active:
        raise unsupported(where, 'an inactive object (active=False), %s' % label(obj))
    expected = TOP_LEVEL.get(type(obj).__name__)
    if expected is not None and getattr(obj, 'source', None).__class__.__name__ == 'Subgroup' \
            and type(obj).__name__ in ('SpikeMonitor', 'EventMonitor'):
        # A subgroup runs one order after its group, and its monitors one after it.
        expected = (expected[0], expected[1] + 1)
    if records_custom_event_of_group(obj):
        expected = ('after_thresholds', 1)
    if expected is not None:
        check_slot(obj, expected, obj, where)
    for part in obj.contained_objects:
        check_part(obj, part, context.locator.creation_of(part))


def check_slot(obj, expected, owner, where):
    when, order = expected
    if obj.when != when:
        raise unsupported(where, "when='%s' (scheduling) on %s" % (obj.when, label(owner)))
    if obj.order != order:
        raise unsupported(where, 'order=%s (scheduling) on %s' % (obj.order, label(owner)))


def check_part(owner, part, where):
    kind = type(part).__name__
    if '_run_regularly' in part.name:
        raise unsupported(where, 'run_regularly on %s' % label(owner))
    if kind in CUSTOM_EVENT_PARTS and part.event != 'spike':
        check_slot(part, CUSTOM_EVENT_PARTS[kind], owner, where)
        return
    if kind == 'SynapticPathway':
        check_slot(part, ('synapses', PATHWAY_ORDER.get(part.prepost)), owner, where)
        return
    if kind not in PARTS:
        raise unsupported(where, '%s (a %s) of %s' % (part.name, kind, label(owner)))
    expected = PARTS[kind]
    if kind == 'SummedVariableUpdater' and part.target.__class__.__name__ == 'Subgroup':
        expected = (expected[0], expected[1] + 1)  # one before the subgroup's order
    check_slot(part, expected, owner, where)
    if not part.active:
        raise unsupported(where, 'an inactive part (%s) of %s' % (part.name, label(owner)))
