"""A Synapses object's `pathways` as Brian2 code: on_pre / on_post dicts and
on_event in the constructor, delay={...} for the delays that are one value
known before the run, and `S.<pathway>.delay = ...` for delays per synapse,
set in the order in which Spike Studio draws their random numbers (the
pathway 'pre', the other pre pathways, the post ones, each as written)."""
from ..model_file import sets_delays_in_initial
from .python_text import block_literal, string_literal, value_literal

DIRECTIONS = ('pre', 'post')


def uses_pathways(spec):
    return bool(spec.get('pathways'))


def of_direction(spec, direction):
    return [p for p in spec.get('pathways', []) if p['direction'] == direction]


def code_arguments(spec, indent):
    """on_pre= and on_post= (a string, or a dict of the listed pathways), and on_event=."""
    arguments = []
    for direction in DIRECTIONS:
        key = 'on_' + direction
        if str(spec.get(key, '')).strip():
            arguments.append('%s=%s' % (key, block_literal(spec[key], indent)))
        elif of_direction(spec, direction):
            entries = ['%s: %s' % (string_literal(p['name']), block_literal(p['code'], indent + 4))
                       for p in of_direction(spec, direction)]
            arguments.append('%s={%s}' % (key, ', '.join(entries)))
    events = ['%s: %s' % (string_literal(p['name']), string_literal(p['event']))
              for p in spec.get('pathways', []) if p.get('event', 'spike') != 'spike']
    if events:
        arguments.append('on_event={%s}' % ', '.join(events))
    return arguments


def ordered_delays(spec):
    """(pathway name, delay text, field) in the order Spike Studio evaluates them."""
    delays = []
    if spec.get('delay', '') != '':
        delays.append(('pre', spec['delay'], 'delay'))
    listed = spec.get('pathways', [])
    pre = of_direction(spec, 'pre')
    ordered = ([p for p in pre if p['name'] == 'pre'] + [p for p in pre if p['name'] != 'pre']
               + of_direction(spec, 'post'))
    for pathway in ordered:
        if pathway.get('delay', '') != '':
            field = 'pathways[%d].delay' % listed.index(pathway)
            delays.append((pathway['name'], pathway['delay'], field))
    return delays


def is_constructor_delay(spec, name, text, context):
    """Whether a pathway's delay goes to the constructor's delay={...}."""
    variable = 'delay' if name == 'pre' else name + '.delay'
    return context.is_fixed(text) and not sets_delays_in_initial(spec, variable)


def delay_argument(spec, context):
    """delay={'pre': ..., 'back': ...} for every delay that is one fixed value."""
    fixed = ['%s: %s' % (string_literal(name), context.value(text, spec['name'], field).text)
             for name, text, field in ordered_delays(spec)
             if is_constructor_delay(spec, name, text, context)]
    return ['delay={%s}' % ', '.join(fixed)] if fixed else []


def delay_lines(spec, variable, context):
    """`S.up.delay = '...'` for each delay per synapse (S.delay for the pathway 'pre')."""
    lines = []
    for name, text, _ in ordered_delays(spec):
        if not is_constructor_delay(spec, name, text, context):
            owner = variable if name == 'pre' else '%s.%s' % (variable, name)
            lines.append('%s.delay = %s' % (owner, value_literal(text)))
    return lines
