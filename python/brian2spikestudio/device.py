"""Spike Studio as a Brian2 device:

    from brian2 import *
    import brian2spikestudio
    set_device('spikestudio')   # project=None, gui=False, tier='auto'

At each run() the network is captured as `spikestudio import` captures it
(capture.CaptureDevice, translate.translate), written as a model into a
private temporary folder and run by the `spikestudio` program; the monitors
then hold what Spike Studio recorded, as after a standalone run. A later
run() with nothing changed in between runs the model again for the total
duration with the same seed, so it continues the first run exactly. What the
model format cannot express fails the run() with the importer's message,
naming the feature, the object and the line. `device._last_run_time` holds
the seconds Spike Studio's simulation loop took, as after a standalone run
(the whole model, from t = 0: after a second run(), both runs). Afterwards the groups and
synapses hold their state as Spike Studio left it (final_state); reading a
variable Spike Studio does not hold raises NotImplementedError naming it."""
import json
import os
import secrets
import tempfile

from brian2.core.variables import VariableView
from brian2.units.allunits import second
from brian2.devices.device import all_devices, get_device
from brian2.groups.group import Group
from brian2.monitors.ratemonitor import PopulationRateMonitor
from brian2.monitors.spikemonitor import EventMonitor, SpikeMonitor
from brian2.monitors.statemonitor import StateMonitor
from brian2.synapses.synapses import Synapses
from brian2.utils.logger import get_logger

from .caller_locator import CallerLocator
from .capture import CaptureDevice
from .final_state import fill_final_state
from .monitor_results import fill_monitors
from .recording import Recording
from .spikestudio_program import open_in_app, run_headless
from .networks import simulated_networks
from .translate import translate_network

DEVICE_NAME = 'spikestudio'
TIERS = ('auto', 'tcc', 'native')
OPTIONS = ('project', 'gui', 'tier')
# Options Brian2's test machinery gives every standalone device.
IGNORED_OPTIONS = ('directory', 'with_output')
MONITORS = (SpikeMonitor, EventMonitor, StateMonitor, PopulationRateMonitor)
RANDOM_NOTE_END = ("; Spike Studio's random numbers will differ from Brian2's "
                   '(their statistics will not)')

logger = get_logger(__name__)


class SpikeStudioDevice(CaptureDevice):
    """Brian2's runtime device for building and reading networks; Spike
    Studio's engine for running them (see the module)."""

    def __init__(self, locator=None, program=None):
        """`locator` places calls in the user's code (default: any code outside
        Brian2, CallerLocator); `program` is the spikestudio program to run
        (default: spikestudio_program.find_program's choice)."""
        self._locator = locator
        self.program = program
        super().__init__(locator or CallerLocator())
        self._forget_networks()

    def _forget_networks(self):
        self.recording = Recording(self._locator or CallerLocator())
        self.simulation_seconds = 0.0  # Spike Studio's simulation loops, every run so far
        self._seeds = {}  # id(first run() of a network) -> its seed, for models without seed()
        self._simulated = set()  # names of the groups and synapses run so far
        self._filled = set()  # (object, variable) pairs holding Spike Studio's final state
        self._running = False
        self.app_process = None  # the desktop app started by gui=True (a subprocess.Popen)

    def reinit(self):
        """Forgets the recorded networks (Brian2's tests call it between tests)."""
        self._forget_networks()

    def activate(self, build_on_run=True, **kwargs):
        unknown = sorted(set(kwargs) - set(OPTIONS) - set(IGNORED_OPTIONS))
        if unknown:
            raise TypeError("set_device('spikestudio') has no option '%s' (options: %s)"
                            % (unknown[0], ', '.join(OPTIONS)))
        tier = kwargs.get('tier', 'auto')
        if tier not in TIERS:
            raise ValueError("set_device('spikestudio', tier=%r): the tier must be one of %s"
                             % (tier, ', '.join(TIERS)))
        super().activate(build_on_run, **kwargs)

    def option(self, name, default=None):
        return (self.build_options or {}).get(name, default)

    # -- running ---------------------------------------------------------------------

    def network_run(self, network, duration, report=None, report_period=None,
                    namespace=None, profile=None, level=0):
        self._running = True
        try:
            CaptureDevice.network_run(self, network, duration, namespace=namespace,
                                      level=level + 1)
            run = self.recording.runs()[-1]
            network = simulated_networks(self.recording)[-1]
            translation = translate_network(self.recording, network)
            for note in translation.notes:
                logger.warn(note + RANDOM_NOTE_END, 'random_order', once=True)
            seed = self._seeds.setdefault(id(network.runs[0]), secrets.randbelow(2 ** 32))
            self._run_model(run, translation.model, seed, profile=bool(profile))
            self._simulated |= {obj.name for obj in run.objects if not isinstance(obj, MONITORS)}
        finally:
            self._running = False

    def _run_model(self, run, model, seed, profile=False):
        self._filled = set()
        run.network._profiling_info = None
        if self.option('gui', False):
            folder = tempfile.mkdtemp(prefix='spikestudio-device-')  # the app keeps reading it
            self.app_process = open_in_app(write_model(folder, model))
            return
        with tempfile.TemporaryDirectory(prefix='spikestudio-device-') as folder:
            csv_dir = os.path.join(folder, 'csv')
            state_dir = os.path.join(folder, 'state')
            report = run_headless(run.where, write_model(folder, model), csv_dir, state_dir,
                                  seed=model.get('seed', seed),
                                  project=self.option('project'), tier=self.option('tier'),
                                  program=self.program, profile=profile)
            seconds = report.seconds
            if profile:  # Network.profiling_info, as after a standalone run with profile=True
                run.network._profiling_info = [(name, time * second)
                                               for name, time in report.profile]
            # What Brian2's standalone devices report after a run (speed tests read it).
            if seconds is not None:
                self.simulation_seconds += seconds
                self._last_run_time = seconds
                self._last_run_completed_fraction = 1.0
            fill_monitors(run.objects, csv_dir)
            self._filled = fill_final_state(run.objects, state_dir)
        warn_of_invalid_states(run.objects)

    # -- reading ---------------------------------------------------------------------
    # Brian2 reads a group's values for a script (G.v[:], G.v['v > 0'], print(G.v))
    # through these three hooks; its own writes go through get_value.

    def variableview_get_with_index_array(self, view, item):
        self._refuse_unknown_state(view)
        return VariableView.get_with_index_array.original_function(view, item)

    def variableview_get_with_expression(self, view, code, run_namespace=None):
        self._refuse_unknown_state(view)
        return VariableView.get_with_expression.original_function(view, code, run_namespace)

    def variableview_get_subexpression_with_index_array(self, view, item, run_namespace=None):
        self._refuse_unknown_state(view)
        return VariableView.get_subexpression_with_index_array.original_function(
            view, item, run_namespace)

    def _refuse_unknown_state(self, view):
        """A variable a run may have changed holds Spike Studio's value, or
        reading it fails (a variable Spike Studio does not hold, or a run left
        to the desktop app)."""
        variable = view.variable
        if not changed_by_run(variable, view.group, self._simulated):
            return
        owner = getattr(variable.owner, 'name', view.group.name)
        if (owner, variable.name) in self._filled:
            return
        reason = ('the run goes on in the desktop app (gui=True)' if self.option('gui', False)
                  else 'Spike Studio does not hold this variable')
        raise NotImplementedError(
            "the value of '%s' of %s '%s' after a run is not available from the spikestudio "
            'device: %s (record it with a StateMonitor)'
            % (view.name, view.group.__class__.__name__, view.group.name, reason))


def warn_of_invalid_states(objects):
    """Brian2's warning after a run for a group whose integrated variables hold
    NaN or huge values (Network.run and the standalone device give it too)."""
    for obj in objects:
        if isinstance(obj, Group):
            obj._check_for_invalid_states()


def changed_by_run(var, owner, simulated):
    """Whether a run may have changed `var` of `owner`: a state variable or a
    subexpression of a simulated group or synapses, not a constant or a
    structural one like i, j or N."""
    try:
        name = owner.name
    except ReferenceError:
        return False
    return (name in simulated and not var.read_only and not var.constant
            and var.name != 'delay')


def write_model(folder, model):
    path = os.path.join(folder, 'model.json')
    with open(path, 'w', encoding='utf-8') as f:
        f.write(json.dumps(model, indent=2, allow_nan=False) + '\n')
    return path


def keep_synapses_models():
    """Brian2 keeps no copy of a Synapses object's `model` argument (it splits
    it into parts), which the translation needs: while the spikestudio device
    is active it is kept in the device's recording, as the capture keeps it."""
    original_init = Synapses.__init__

    def init(self, source, target=None, model=None, *args, **kwargs):
        original_init(self, source, target, model, *args, **kwargs)
        device = get_device()
        if isinstance(device, SpikeStudioDevice):
            device.recording.synapses_models[id(self)] = (self, model)

    Synapses.__init__ = init


if DEVICE_NAME not in all_devices:
    all_devices[DEVICE_NAME] = SpikeStudioDevice()
    keep_synapses_models()
