"""A Brian2 device that records a network instead of simulating it.

CaptureDevice is Brian2's runtime device (state lives in numpy arrays, so a
script can read and set values as usual) whose hooks record, in order, every
value the script sets, every connect() call, seed(), set_spikes() and
store()/restore(), the subexpression each linked variable reads, the n, p
and approximate of each BinomialFunction made, and, at
each run(), the network with the names the run would resolve.
run() prepares the network as Brian2 does (checking equations, units and
names) and moves the clocks to the run's end without computing a step, so
monitors stay empty. Code is always generated for numpy, never compiled,
GSL methods' too (install_gsl_hooks: Brian2 would pick Cython or C++ for
them by the target, and the capture runs no step).

`capturing(locator)` activates it for the duration of a `with` block and
keeps scripts from switching it off: set_device() and reset_device() are
neutralised, and device.build() does nothing.
"""
import contextlib
import functools
import importlib
import os
import sys

import numpy as np
from brian2.codegen.runtime.numpy_rt import NumpyCodeObject
from brian2.core.preferences import prefs
from brian2.core.namespace import get_local_namespace
from brian2.core.network import Network
from brian2.core.variables import VariableView, Variables
from brian2.devices.device import RuntimeDevice, all_devices, get_device
from brian2.groups.subgroup import Subgroup
from brian2.input.spikegeneratorgroup import SpikeGeneratorGroup
from brian2.stateupdaters.GSL import GSLContainer
from brian2.synapses.synapses import Synapses, SynapticPathway
from brian2.units.fundamentalunits import fail_for_dimension_mismatch
from brian2.units.allunits import second

from .binomial_functions import install_binomial_hook
from .recording import (Assignment, ConnectCall, Recording, RunCall, SeedCall, SpikesCall,
                        StateCall)

DEVICE_NAME = 'spikestudio_capture'
# The module itself: `brian2.devices.device` as an attribute is the device proxy.
device_module = importlib.import_module('brian2.devices.device')
BRIAN2_DIRECTORY = os.path.dirname(os.path.dirname(os.path.abspath(device_module.__file__)))
BRIAN2_TESTS = os.path.join(BRIAN2_DIRECTORY, 'tests') + os.sep
# Brian2's own functions between a script's `G.v = ...` (or `G.set_states(...)`)
# and the device's hook; "*" for every function of a file.
ASSIGNMENT_PLUMBING = {
    ('core', 'base.py'): {'device_override_decorated_function'},
    ('core', 'variables.py'): {'*'},
    ('units', 'fundamentalunits.py'): {'*'},
    ('groups', 'group.py'): {'__setattr__', 'set_states'},
    ('groups', 'neurongroup.py'): {'__setattr__'},
    ('synapses', 'synapses.py'): {'__setattr__', '_set_delay'},
    ('core', 'network.py'): {'set_states'},
    ('core', 'magic.py'): {'set_states'},
}
ASSIGNMENT_PLUMBING = {os.path.join(BRIAN2_DIRECTORY, *parts): functions
                       for parts, functions in ASSIGNMENT_PLUMBING.items()}


def is_plumbing(frame):
    functions = ASSIGNMENT_PLUMBING.get(frame.f_code.co_filename, ())
    return '*' in functions or frame.f_code.co_name in functions


def random_state():
    return np.random.get_state()


def same_random_state(a, b):
    return a[2:] == b[2:] and np.array_equal(a[1], b[1])


def set_by_user():
    """Whether the assignment being recorded comes from the script (or a module
    of the user) rather than from Brian2 itself, e.g. a PoissonGroup setting
    its rates in its constructor."""
    frame = sys._getframe(2)
    while frame is not None and is_plumbing(frame):
        frame = frame.f_back
    return frame is not None and is_user_code(frame.f_code.co_filename)


def is_user_code(filename):
    """Code outside Brian2, or Brian2's own tests (which use Brian2 as a user does)."""
    return not filename.startswith(BRIAN2_DIRECTORY) or filename.startswith(BRIAN2_TESTS)


class SubgroupPart:
    """A subgroup whose values the script set (`G[3:7].v = ...`), kept by
    name: the subgroup itself may be gone by the run."""

    def __init__(self, subgroup):
        self.name = subgroup.name
        self.source_name = subgroup.source.name
        self.start, self.stop = subgroup.start, subgroup.stop


def owner_of(group):
    """The object whose variable an assignment sets: a SynapticPathway's
    variables (`S.pre.delay`) belong to its Synapses; a subgroup's are noted
    as a SubgroupPart."""
    if isinstance(group, SynapticPathway):
        return group.synapses
    if isinstance(group, Subgroup):
        return SubgroupPart(group)
    return group


class CaptureDevice(RuntimeDevice):
    """Brian2's runtime device, recording instead of simulating (see the module)."""

    def __init__(self, locator):
        super().__init__()
        self.recording = Recording(locator)
        self._expected_random_state = random_state()

    # -- what Brian2 asks of every device --------------------------------------------

    def code_object_class(self, codeobj_class=None, fallback_pref='codegen.target'):
        return NumpyCodeObject  # nothing is compiled, whatever the script prefers

    def build(self, **kwds):
        """device.build() of a standalone script: the network is already recorded."""

    def add_array(self, var):
        """Every object makes its arrays when created: the order of creation."""
        order = self.recording.creation_order
        order.setdefault(getattr(var.owner, 'name', None), len(order))
        super().add_array(var)

    # -- recording -----------------------------------------------------------------------

    def _record(self, event, action):
        """Records `event` and carries out `action` (the call being recorded),
        noting whether numpy's random stream moved before it (the script drew
        numbers itself) and during it."""
        event.foreign_draws_before = not same_random_state(random_state(),
                                                           self._expected_random_state)
        before = random_state()
        result = action()
        self._expected_random_state = random_state()
        event.draws_random = not same_random_state(before, self._expected_random_state)
        self.recording.events.append(event)
        return result

    def _assignment(self, view, index, code=None, values=None, namespace=None):
        return Assignment(where=self.recording.locator.here(), owner=owner_of(view.group),
                          resolver=view.group, variable=view.name, index=index, code=code,
                          values=values, namespace=namespace)

    def seed(self, seed=None):
        self._record(SeedCall(where=self.recording.locator.here(), seed=seed),
                     lambda: RuntimeDevice.seed(self, seed))

    def spike_generator_set_spikes(self, group, set_spikes, *args, **kwargs):
        """`group.set_spikes(...)` (Brian2's `set_spikes`), recorded with the
        spikes as Brian2 keeps them after it."""
        event = SpikesCall(where=self.recording.locator.here(), group=group.name)
        self._record(event, lambda: set_spikes(group, *args, **kwargs))
        event.indices, event.times, event.period = spikes_of(group)

    def variables_add_referred_subexpression(self, variables, add, name, group, subexpr,
                                             index):
        """Brian2's `variables.add_referred_subexpression(name, group, subexpr,
        index)` (`add`), noting for a name of the script's (not one of the
        '_'-prefixed names Brian2 gives the subexpression's own variables as
        it recurses) the group and the subexpression it reads."""
        add(variables, name, group, subexpr, index)
        if not name.startswith('_'):
            self.recording.referred_subexpressions.add(variables, name, group, subexpr.name)

    def variableview_set_with_expression(self, view, item, code, run_namespace,
                                         check_units=True):
        def assign():
            VariableView.set_with_expression.original_function(view, item, code, run_namespace,
                                                               check_units)
        if not set_by_user():
            return assign()
        self._record(self._assignment(view, item, code=code, namespace=run_namespace), assign)

    def variableview_set_with_expression_conditional(self, view, cond, code, run_namespace,
                                                     check_units=True):
        def assign():
            VariableView.set_with_expression_conditional.original_function(
                view, cond, code, run_namespace, check_units)
        if not set_by_user():
            return assign()
        self._record(self._assignment(view, cond, code=code, namespace=run_namespace), assign)

    def variableview_set_with_index_array(self, view, item, value, check_units):
        def assign():
            VariableView.set_with_index_array.original_function(view, item, value, check_units)
        if not set_by_user():
            return assign()
        self._record(self._assignment(view, item, values=value), assign)

    def synapses_connect(self, synapses, condition=None, i=None, j=None, p=1., n=1,
                         skip_if_invalid=False, namespace=None, level=0):
        if namespace is None:  # the script's names, two frames up (Brian2's decorator, then it)
            namespace = get_local_namespace(level=level + 2)
        event = ConnectCall(where=self.recording.locator.here(), synapses=synapses,
                            condition=condition, i=copied(i), j=copied(j), p=p, n=copied(n),
                            skip_if_invalid=skip_if_invalid, namespace=namespace)
        self._record(event, lambda: Synapses.connect.original_function(
            synapses, condition, i, j, p, n, skip_if_invalid, namespace=namespace))

    def network_store(self, network, name='default', filename=None):
        self._record(StateCall(where=self.recording.locator.here(), kind='store()', name=name,
                               filename=state_file(filename)),
                     lambda: Network.store.original_function(network, name, filename))

    def network_restore(self, network, name='default', filename=None,
                        restore_random_state=False):
        self._record(StateCall(where=self.recording.locator.here(), kind='restore()', name=name,
                               filename=state_file(filename),
                               restore_random_state=bool(restore_random_state)),
                     lambda: Network.restore.original_function(network, name, filename,
                                                                restore_random_state))

    def network_run(self, network, duration, report=None, report_period=10 * second,
                    namespace=None, profile=None, level=0):
        fail_for_dimension_mismatch(duration, second, 'run() needs a time')
        if namespace is None:  # the script's names, as Brian2's Network.run collects them
            namespace = get_local_namespace(level=level + 2)
        event = RunCall(where=self.recording.locator.here(), network=network,
                        objects=top_level(network.objects), duration=float(duration),
                        start=float(network.t_),
                        namespace=namespace, default_clock=self.defaultclock,
                        default_dt=self.defaultclock.dt_,
                        active=active_flags(network.objects),
                        namespaces=object_namespaces(network.objects),
                        generator_spikes=generator_spikes(network.objects),
                        legacy_refractory_timing=bool(prefs.legacy.refractory_timing))
        self._record(event, lambda: self._prepare_without_simulating(network, duration,
                                                                     namespace))

    @staticmethod
    def _prepare_without_simulating(network, duration, namespace):
        """What Network.run does except the time steps: Brian2 checks and
        prepares every object, then the clocks stand at the run's end."""
        clocks = {obj.clock for obj in network.sorted_objects}
        end = network.t + duration
        for clock in clocks:
            clock.set_interval(network.t, end)
        network._clocks = clocks
        network.before_run(namespace)
        for clock in clocks:
            clock.variables['timestep'].set_value(clock._i_end)
            clock.variables['t'].set_value(clock._i_end * clock.dt_)
        network.t_ = float(end)


def install_gsl_hooks():
    """Brian2's GSL methods under a CaptureDevice: code for numpy, whatever the
    target (Brian2 picks Cython or C++ for them before asking the device, and
    refuses numpy); the group gets the solver's counts `_step_count` and
    `_failed_steps` its options ask for, as Brian2's GSL code generator adds
    them (a StateMonitor may record them); and the state updater keeps the
    method_options the script gave (Brian2 replaces them with every option
    filled in). Other devices are left to Brian2."""
    if getattr(GSLContainer, 'spikestudio_hooks', False):
        return
    original_class, original_call = GSLContainer.get_codeobj_class, GSLContainer.__call__

    def get_codeobj_class(self):
        if isinstance(get_device(), CaptureDevice):
            return NumpyCodeObject
        return original_class(self)

    def call(self, obj):
        given = obj.method_options
        code = original_call(self, obj)
        if isinstance(get_device(), CaptureDevice):
            check_gsl_errors(obj.group, self.method_options)
            obj.method_options = given
            add_solver_counts(obj.group, self.method_options)
        return code

    GSLContainer.get_codeobj_class = get_codeobj_class
    GSLContainer.__call__ = call
    GSLContainer.spikestudio_hooks = True


install_gsl_hooks()


def install_set_spikes_hook():
    """SpikeGeneratorGroup.set_spikes under a CaptureDevice goes through the
    device, which records it (Brian2 has no device hook for it, and the
    spikes it sets are no assignment the capture would see); other devices
    are left to Brian2."""
    if getattr(SpikeGeneratorGroup, 'spikestudio_hooks', False):
        return
    original = SpikeGeneratorGroup.set_spikes

    @functools.wraps(original)
    def set_spikes(self, *args, **kwargs):
        device = get_device()
        if isinstance(device, CaptureDevice):
            return device.spike_generator_set_spikes(self, original, *args, **kwargs)
        return original(self, *args, **kwargs)

    SpikeGeneratorGroup.set_spikes = set_spikes
    SpikeGeneratorGroup.spikestudio_hooks = True


install_set_spikes_hook()


def install_referred_subexpression_hook():
    """Variables.add_referred_subexpression under a CaptureDevice goes through
    the device, which notes the group and subexpression read (Brian2 replaces
    them with a Subexpression of the reading group, so a linked variable
    reading a subexpression, `G2.I_l = linked_var(G.I)`, no longer says what
    it reads); other devices are left to Brian2."""
    if getattr(Variables, 'spikestudio_hooks', False):
        return
    original = Variables.add_referred_subexpression

    @functools.wraps(original)
    def add_referred_subexpression(self, name, group, subexpr, index):
        device = get_device()
        if isinstance(device, CaptureDevice):
            return device.variables_add_referred_subexpression(self, original, name, group,
                                                               subexpr, index)
        return original(self, name, group, subexpr, index)

    Variables.add_referred_subexpression = add_referred_subexpression
    Variables.spikestudio_hooks = True


install_referred_subexpression_hook()
# BinomialFunction keeps no n, p or approximate: the hook notes them on each
# one made from now on, for the model's binomial_functions.
install_binomial_hook()


def check_gsl_errors(group, options):
    """The checks Brian2's GSL code generator makes of the absolute errors
    (GSLCodeGenerator.scale_array_code), with its exceptions (TypeError,
    KeyError, DimensionMismatchError), which Brian2's run() reports as the
    cause of a BrianObjectException: the capture makes no GSL code."""
    if not isinstance(options['absolute_error'], float):
        raise TypeError('The absolute_error key in method_options should be a float. '
                        'Was type %s' % type(options['absolute_error']))
    per_variable = options['absolute_error_per_variable']
    if per_variable is None:
        return
    if not isinstance(per_variable, dict):
        raise TypeError('The absolute_error_per_variable key in method_options should '
                        'either be None or a dictionary containing the error for each '
                        'individual state variable. Was type %s' % type(per_variable))
    integrated = group.equations.diff_eq_names
    for name, error in per_variable.items():
        if name not in integrated:
            raise KeyError('absolute_error specified for variable that %s: %s' % (
                'is not being integrated' if name in group.variables else 'does not exist',
                name))
        fail_for_dimension_mismatch(error, group.variables[name],
                                    'Unit of absolute_error_per_variable for variable %s '
                                    'does not match unit of variable itself' % name)


def add_solver_counts(group, options):
    """`_step_count` and `_failed_steps` in `group`, as Brian2's GSL code
    generator adds them when `options` ask for them (once: a later run keeps them)."""
    for option, name in (('save_step_count', '_step_count'),
                         ('save_failed_steps', '_failed_steps')):
        if options.get(option) and name not in group.variables:
            group.variables.add_array(name, size=len(group), dtype=np.int32)


def state_file(filename):
    """A stored state's file as one path (the script may change folders)."""
    return None if filename is None else os.path.abspath(os.fspath(filename))


def active_flags(objects):
    """Every object's and part's `active` as it is now: a script may change
    them between runs."""
    flags = {}
    def collect(obj):
        flags[id(obj)] = obj.active
        for part in obj.contained_objects:
            collect(part)
    for obj in objects:
        collect(obj)
    return flags


def object_namespaces(objects):
    """A copy of every object's own `namespace=` as it is now: the script may
    change it before a later run (`G.namespace['tau'] = 5*ms`), which
    resolves its names anew."""
    namespaces = {}
    for obj in objects:
        if isinstance(getattr(obj, 'namespace', None), dict):
            namespaces[id(obj)] = dict(obj.namespace)
    return namespaces


def spikes_of(group):
    """A copy of a SpikeGeneratorGroup's (indices, times in seconds, period
    in seconds) as they are now."""
    variables = group.variables
    return (np.array(variables['neuron_index'].get_value(), copy=True),
            np.array(variables['spike_time'].get_value(), copy=True),
            float(np.asarray(variables['period'].get_value()).flat[0]))


def generator_spikes(objects):
    """Every SpikeGeneratorGroup's spikes and period as they are now:
    set_spikes() may replace them before a later run."""
    return {obj.name: spikes_of(obj) for obj in objects if isinstance(obj, SpikeGeneratorGroup)}


def top_level(objects):
    """The objects that are not parts of others (a MagicNetwork holds both).
    A Synapses object is never a part: Brian2's S.run_regularly() adds S to
    its source's parts (a path meant for subgroups), and runs it once."""
    parts = set()
    def collect(obj):
        for part in obj.contained_objects:
            if not isinstance(part, Synapses):
                parts.add(id(part))
                collect(part)
    for obj in objects:
        collect(obj)
    return [obj for obj in objects if id(obj) not in parts]


def copied(value):
    """Index arrays as they were at the call (the script may change its arrays later)."""
    if value is None or isinstance(value, str) or np.isscalar(value):
        return value
    return np.array(value, copy=True)


@contextlib.contextmanager
def capturing(locator, device=None):
    """Activates `device` (a CaptureDevice of a kind that also simulates,
    say), or a new CaptureDevice recording with `locator`, for the `with`
    block; yields its Recording."""
    device = device or CaptureDevice(locator)
    all_devices[DEVICE_NAME] = device
    set_device, reset_device = device_module.set_device, device_module.reset_device
    set_device(DEVICE_NAME)
    try:
        with neutralised_device_switches(device.recording), recorded_synapses_models(
                device.recording):
            yield device.recording
    finally:
        reset_device()
        del all_devices[DEVICE_NAME]


@contextlib.contextmanager
def neutralised_device_switches(recording):
    """set_device('cpp_standalone', ...) and reset_device() in the script keep
    the capture in place (they are noted in the recording)."""
    def set_device(device, build_on_run=True, **kwargs):
        recording.device_requests.append(getattr(device, '__name__', str(device)))

    def reset_device(device=None):
        pass

    replaced = []
    for name, replacement in (('set_device', set_device), ('reset_device', reset_device)):
        original = getattr(device_module, name)
        for module in list(sys.modules.values()):
            if (getattr(module, '__name__', '').startswith('brian2')
                    and getattr(module, name, None) is original):
                setattr(module, name, replacement)
                replaced.append((module, name, original))
    try:
        yield
    finally:
        for module, name, original in replaced:
            setattr(module, name, original)


@contextlib.contextmanager
def recorded_synapses_models(recording):
    """Keeps each Synapses object's `model` argument: Brian2 splits it into
    event-driven, clock-driven and summed parts and keeps no copy of it."""
    original_init = Synapses.__init__

    def init(self, source, target=None, model=None, *args, **kwargs):
        original_init(self, source, target, model, *args, **kwargs)
        recording.synapses_models[id(self)] = (self, model)

    Synapses.__init__ = init
    try:
        yield
    finally:
        Synapses.__init__ = original_init
