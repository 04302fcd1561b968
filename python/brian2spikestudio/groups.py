"""NeuronGroup, PoissonGroup and SpikeGeneratorGroup as model groups."""
import numbers

import numpy as np
from brian2 import Hz, TimedArray
from brian2.units.fundamentalunits import Quantity

from .context import label
from .equations_text import code_text, equations_text, expressions_of
from .errors import ImportFailure
from .links import links_field
from .quantities import time_text, value_text

DEFAULT_METHODS = ('exact', 'euler', 'heun')  # Brian2's choice when none is given
SPIKE = 'spike'
# Brian2's GSL method_options (brian2.stateupdaters.GSL.default_method_options).
GSL_FLAGS = ('adaptable_timestep', 'use_last_timestep', 'save_step_count',
             'save_failed_steps')
GSL_NUMBERS = ('absolute_error', 'max_steps')
MAX_GSL_STEPS = 1e9


def method_field(obj, method_choice, context):
    """The model's `method`: the one the script asked for, in lower case as
    Brian2 reads it ('GSL_rk4' is gsl_rk4); none when Brian2 chooses."""
    if isinstance(method_choice, str):
        return method_choice.lower()
    if isinstance(method_choice, (tuple, list)) and tuple(method_choice) == DEFAULT_METHODS:
        return None
    context.fail(obj, 'a custom integration method (%r)' % (method_choice,))


def is_gsl(method):
    """Whether `method` names one of Brian2's GSL methods ('gsl', 'gsl_rk4', ...)."""
    return isinstance(method, str) and (method == 'gsl' or method.startswith('gsl_'))


def method_options_field(obj, method, context):
    """The model's `method_options`: what the script gave a GSL method, in
    the model's form (only NeuronGroups have them); none when it gave nothing."""
    options = obj.state_updater.method_options
    if not options:
        return None
    if not is_gsl(method):
        context.fail(obj, 'method_options (%s) with %s' % (
            ', '.join(sorted(map(str, options))),
            "the method '%s'" % method if method else "Brian2's choice of method"))
    field = {}
    for key, value in options.items():
        if key == 'absolute_error_per_variable':
            field.update(per_variable_errors(obj, value, context))
        else:
            field[key] = gsl_option_text(obj, key, value, context)
    return field or None


def gsl_option_text(obj, key, value, context):
    """One GSL option as model text: a number, a whole number, True or False."""
    what = 'method_options %s=%r' % (key, value)
    if key in GSL_FLAGS:
        if not isinstance(value, (bool, np.bool_)):
            bad_option(obj, what, 'True or False expected', context)
        return 'True' if value else 'False'
    if key not in GSL_NUMBERS:
        bad_option(obj, what, 'not an option of the GSL methods', context)
    if not is_plain_number(value):
        bad_option(obj, what, 'a plain number expected (SI units)', context)
    if not value > 0:
        bad_option(obj, what, 'a positive number expected', context)
    if key == 'max_steps':
        if not (float(value).is_integer() and value <= MAX_GSL_STEPS):
            bad_option(obj, what, 'a whole number from 1 to 1e9 expected', context)
        return str(int(value))
    return value_text(float(value), context.where(obj), key)


def per_variable_errors(obj, errors, context):
    """absolute_error_per_variable={'v': 0.001*mV} as `absolute_error[v]`
    entries, each written in its variable's unit. The capture has made
    Brian2's own checks of them (capture.check_gsl_errors: a dict, of
    integrated variables, in their units); the model wants them positive."""
    field = {}
    for name, error in (errors or {}).items():
        what = "method_options absolute_error_per_variable['%s']" % name
        value = float(np.asarray(error))
        if not value > 0:
            bad_option(obj, '%s=%r' % (what, error),
                       "a positive value in the unit of '%s' expected" % name, context)
        field['absolute_error[%s]' % name] = value_text(
            Quantity(value, dim=obj.variables[name].dim), context.where(obj), what)
    return field


def bad_option(obj, what, problem, context):
    """Refuses a method option Brian2 itself would refuse when it generates code."""
    raise ImportFailure(context.where(obj), '%s in %s: %s' % (what, label(obj), problem))


def is_plain_number(value):
    return (isinstance(value, (numbers.Real, np.number))
            and not isinstance(value, (bool, np.bool_, Quantity)))


def refractory_field(group, context):
    refractory = group._refractory
    if refractory is False or refractory is None:
        return None
    if isinstance(refractory, str):
        context.code_names(group, [refractory])
        return refractory
    return value_text(refractory, context.where(group), 'refractory')


def custom_events(group, context):
    """The group's events beside 'spike' (events=), in the order declared,
    each with the code run_on_event gave it."""
    events = []
    for name, condition in group.events.items():
        if name == SPIKE:
            continue
        event = {'name': name, 'condition': str(condition)}
        context.code_names(group, [event['condition']])
        code = group.event_codes.get(name)
        if code is not None:
            event['code'] = code_text(code)
            context.code_names(group, [event['code']])
        events.append(event)
    return events


def neuron_group(group, context):
    equations = group.user_equations
    context.code_names(group, expressions_of(equations))
    spec = {'name': group.name, 'type': 'NeuronGroup', 'N': len(group),
            'equations': equations_text(equations)}
    reset = group.event_codes.get(SPIKE)
    for field, text in (('threshold', group.events.get(SPIKE)),
                        ('reset', code_text(reset) if reset is not None else None),
                        ('refractory', refractory_field(group, context)),
                        ('method', method_field(group, group.method_choice, context))):
        if text is not None:
            if field in ('threshold', 'reset'):
                context.code_names(group, [text])
            spec[field] = text
    options = method_options_field(group, spec.get('method'), context)
    if options:
        spec['method_options'] = options
    events = custom_events(group, context)
    if events:
        spec['events'] = events
    context.clock_field(group, spec)
    initial = context.initial_values(group).field()
    if initial:
        spec['initial'] = initial
    links = links_field(group, context)
    if links:
        spec['links'] = links
    return spec


def poisson_group(group, context):
    spec = {'name': group.name, 'type': 'PoissonGroup', 'N': len(group),
            'rates': poisson_rates(group, context)}
    context.clock_field(group, spec)
    return spec


def poisson_rates(group, context):
    """The rates: the expression it was made with, the value the script set
    last, or the value it was made with (the same for every element)."""
    if isinstance(group._rates, str):
        context.code_names(group, [group._rates])
        return group._rates
    assigned = context.initial_values(group)
    if assigned.is_list:
        return rates_table(group, rates_set_by_index(group, context), context)
    if assigned.values:
        event = assigned.events['rates']
        if event.draws_random:
            context.fail(group, 'random rates set before the run (%s)' % event.where)
        return assigned.values['rates']
    rates = np.asarray(group.variables['rates'].get_value())
    if not np.all(rates == rates[0]):
        return rates_table(group, rates, context)
    return value_text(Quantity(rates[0], dim=group.variables['rates'].dim), context.where(group),
                      'rates')


def rates_set_by_index(group, context):
    """The rates each neuron has when the run starts, where the script set
    some by index or as an array (`P[2:].rates = 100*Hz`, `P.rates[:2] =
    ...`): the numbers it set, applied in order to the rates the group was
    made with. Rates set by condition or by an expression per neuron are
    refused (the model's `rates` is one expression, or this table)."""
    made_with = np.asarray(group._rates, dtype=float)  # Hz as SI numbers
    rates = np.broadcast_to(made_with, (len(group),)).copy()
    for event in context.assignments_to(group):
        by_condition = isinstance(event.index, str) and event.index.strip() != 'True'
        if event.values is None or by_condition:
            context.fail(group, 'rates set by condition or by an expression per neuron (%s)'
                         % event.where)
        index = slice(None) if isinstance(event.index, str) else event.index
        rates[index] = np.asarray(event.values, dtype=float)
    return rates


def rates_table(group, rates, context):
    """Different rates per neuron (`PoissonGroup(N, rates=array)`): the
    model's `rates` is one expression, so the rates become a TimedArray of
    one row read per neuron, `G_rates(t, i)` (its row holds at every time,
    as a TimedArray's last row does), with the values Brian2 compares."""
    taken = (context.objects | set(context.names.constants) | set(context.names.timed_arrays)
             | set(context.names.binomial_functions))
    name = base = group.name + '_rates'
    suffix = 0
    while name in taken:
        suffix += 1
        name = '%s_%d' % (base, suffix)
    table = TimedArray(rates[np.newaxis, :] * Hz, dt=group.clock.dt)
    context.names.timed_arrays[name] = (table, context.where(group))
    return '%s(t, i)' % name


def spike_fields(spikes, where):
    """`indices`, `times` and, when they repeat, `period` of (indices, times,
    period) in seconds: a SpikeGeneratorGroup's own, or a protocol's entry
    for set_spikes()."""
    indices, times, period = spikes
    fields = {'indices': [int(k) for k in indices],
              'times': [time_text(t, where, 'a spike time') for t in times]}
    if period > 0:
        fields['period'] = time_text(period, where, 'period')
    return fields


def spike_generator_group(group, context):
    if context.assignments_to(group):
        context.fail(group, 'variables set by the script')
    spec = {'name': group.name, 'type': 'SpikeGeneratorGroup', 'N': len(group)}
    # A protocol's later runs start from the first run's spikes: set_spikes()
    # between runs is an entry of the protocol (protocol.py).
    spec.update(spike_fields(context.first_run.generator_spikes[group.name],
                             context.where(group)))
    context.clock_field(group, spec)
    return spec
