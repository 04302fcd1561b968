"""Importing a script that reads what its monitors recorded after run().

The capture (capture.py) simulates nothing, so a script whose own code uses
the data of a run() afterwards (`M.t[0]`, `mean(M.v)`, a plot of a rate, a
second run() whose input depends on the first run's spike count) raises
there. Such a script is run once more, from the start, under the spikestudio
device (device.py), which records what the capture records and also
simulates each run() with the spikestudio program: the monitors then hold
Spike Studio's data, the script's analysis gets past them, and the recording
gives the models the capture would have given had it got to the end, with
the values the script computed from its runs taken from Spike Studio's runs.

The second run happens in a fresh Python (the importer execs itself, in the
same process, so its time and memory limits still hold): the first run's
objects, the names Brian2 gave them, numpy's random stream, `defaultclock`
and the script's own modules are all as the first run found them."""
import json
import os
import sys
import time

from .errors import ImportFailure
from .script_runner import ScriptRaised, run_script

NOT_SIMULATED = 'an import does not simulate, so monitors hold no data'
PACKAGE_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class RaisedAfterRun(ImportFailure):
    """The capture failed because the script raised after a run(): its
    monitors were empty. `raised`: what it raised; `run_where`: the run()."""

    def __init__(self, where, raised, run_where):
        super().__init__(where, '%s after run() at %s (%s)' % (raised, run_where, NOT_SIMULATED))
        self.raised = raised
        self.run_where = run_where

    def arguments(self):
        """The importer's option that hands this failure to the second run
        (one JSON value: a script line like "-x.py:5" is no option)."""
        return ['--simulate-after=' + json.dumps([self.where, self.raised, self.run_where])]


def engine_program(failed, chosen):
    """The spikestudio program to simulate with; the capture's own failure,
    saying why it cannot be simulated, when there is none."""
    from .spikestudio_program import RunFailure, find_program
    try:
        return find_program(chosen)
    except RunFailure as missing:
        raise ImportFailure(failed.where, '%s; simulating the script to get past it needs '
                            'the spikestudio program: %s' % (failed.problem, missing.problem))


def import_again_simulating(failed, script, output, chosen_program):
    """Replaces this process with a fresh importer of `script` into `output`
    that simulates (see the module); returns only when it cannot."""
    program = os.path.abspath(engine_program(failed, chosen_program))  # the script may cd
    environment = dict(os.environ)
    environment['PYTHONPATH'] = os.pathsep.join(
        [PACKAGE_ROOT] + [p for p in [environment.get('PYTHONPATH')] if p])
    # '-oPATH' and '--engine=PATH': a path starting with '-' stays a value.
    command = [sys.executable, '-B', '-P', '-m', 'brian2spikestudio.importer', '-o' + output,
               '--engine=' + program] + failed.arguments() + ['--', script]
    sys.stdout.flush()
    sys.stderr.flush()
    try:
        os.execve(sys.executable, command, environment)
    except OSError as error:
        raise ImportFailure(failed.where, '%s; cannot start Python again to simulate the '
                            'script (%s)' % (failed.problem, error.strerror))


def simulated_recording(source, failed, program):
    """Runs the script under the spikestudio device (see the module); its
    Recording and the note saying so, with what it cost."""
    from .capture import capturing
    from .device import SpikeStudioDevice
    from .recording import ScriptLocator
    from .spikestudio_program import RunFailure
    device = SpikeStudioDevice(ScriptLocator(source.path, source.display), program)
    started = time.monotonic()
    with capturing(None, device) as recording:
        try:
            run_script(source)
        except ScriptRaised as failure:
            raise ImportFailure(failure.where, '%s, even with its runs simulated by Spike Studio'
                                % failure.problem)
        except RunFailure as failure:
            raise ImportFailure(failure.where, '%s (the import simulates the script because it '
                                'raised after run() without data, at %s)'
                                % (failure.problem, failed.where))
    return recording, simulation_note(failed, recording, device, time.monotonic() - started)


def simulation_note(failed, recording, device, seconds):
    runs = len(recording.runs())
    raised = failed.raised.replace('the script raised ', '').split(':')[0]
    return ('the script uses what its monitors recorded (without data: %s at %s, after run() '
            'at %s), so the import ran it again with Spike Studio simulating its %d run() '
            "call%s, which took %.1f s (%.3f s of simulation); what the script computed from "
            "them is Spike Studio's" % (raised, failed.where, failed.run_where, runs,
                                        '' if runs == 1 else 's', seconds,
                                        device.simulation_seconds))
