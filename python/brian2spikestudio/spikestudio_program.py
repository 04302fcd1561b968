"""Finding and running the `spikestudio` program for the spikestudio device.

The program is the one named by the caller when given (`spikestudio import`
names itself, so the importer simulates with the program that started it);
otherwise SPIKESTUDIO_BINARY when set; otherwise the one installed
with this package (a .deb: /usr/lib/python3/dist-packages beside /usr/bin;
a build tree: build/lib/python3/dist-packages beside build/app); otherwise
the one on PATH."""
import os
import re
import shutil
import subprocess
from dataclasses import dataclass

from .errors import ImportFailure

PROGRAM = 'spikestudio'
ENVIRONMENT_VARIABLE = 'SPIKESTUDIO_BINARY'


class RunFailure(ImportFailure, RuntimeError):
    """Spike Studio refused or failed to run the captured network (a
    RuntimeError, as Brian2's own failures of a run, IntegrationError's
    kind, are caught)."""


def installed_beside_package():
    """The program installed with this package, if any."""
    dist_packages = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    prefix = os.path.normpath(os.path.join(dist_packages, os.pardir, os.pardir, os.pardir))
    for candidate in (os.path.join(prefix, 'bin', PROGRAM), os.path.join(prefix, 'app', PROGRAM)):
        if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


def is_executable(path):
    return os.path.isfile(path) and os.access(path, os.X_OK)


def find_program(chosen=None):
    """The spikestudio program (see the module); RunFailure saying why there is none."""
    if chosen:
        if not is_executable(chosen):
            raise RunFailure('', 'the spikestudio program %s is not an executable file' % chosen)
        return chosen
    configured = os.environ.get(ENVIRONMENT_VARIABLE)
    if configured:
        if not is_executable(configured):
            raise RunFailure('', '%s=%s is not an executable file' % (ENVIRONMENT_VARIABLE,
                                                                      configured))
        return configured
    found = installed_beside_package() or shutil.which(PROGRAM)
    if found is None:
        raise RunFailure('', 'cannot find the spikestudio program (install Spike Studio or set '
                         '%s)' % ENVIRONMENT_VARIABLE)
    return found


def first_error_line(text):
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    errors = [line for line in lines if line.startswith('error: ')]
    chosen = errors[0] if errors else (lines[-1] if lines else '')
    return chosen[len('error: '):] if chosen.startswith('error: ') else chosen


# The timings line `spikestudio run` prints: "time: parse ..., simulate 38.99 ms (1000 steps, ...)".
SIMULATE_TIME = re.compile(r'^time: .*\bsimulate ([0-9.]+) ms\b', re.MULTILINE)


# A line of `spikestudio run --profile`: "profile G_stateupdater (G): 2.28 s, 73.8%, ...".
PROFILE_LINE = re.compile(r'^profile (\S+) \(\S+\): ([0-9.]+) (s|ms|us|ns),', re.MULTILINE)
SECONDS_PER_UNIT = {'s': 1.0, 'ms': 1e-3, 'us': 1e-6, 'ns': 1e-9}


@dataclass
class RunReport:
    seconds: float = None  # the simulation loop's wall time, when reported
    profile: list = None   # (operation name, seconds) per operation, with --profile


def simulation_seconds(output):
    """The wall time of the simulation loop `spikestudio run` reported, or None."""
    found = SIMULATE_TIME.search(output)
    return float(found.group(1)) / 1000.0 if found else None


def profile_entries(output):
    """Each operation's time from `spikestudio run --profile`, named as Brian2
    names its code objects' owners (`G_stateupdater`). An operation that runs
    two of Brian2's in one kernel (`G_stateupdater+G_spike_thresholder`) has
    its time under the first name and none under the others."""
    entries = []
    for name, value, unit in PROFILE_LINE.findall(output):
        parts = name.split('+')
        entries.append((parts[0], float(value) * SECONDS_PER_UNIT[unit]))
        entries += [(part, 0.0) for part in parts[1:]]
    return entries


def run_headless(where, model_path, csv_dir, state_dir, seed=None, project=None, tier=None,
                 program=None, profile=False):
    """`spikestudio run MODEL --csv DIR --final-state DIR ...`; returns a
    RunReport (the seconds the simulation loop took, and with `profile` each
    operation's time). RunFailure naming `where` when Spike Studio refuses
    the model or the run fails. `program`: the spikestudio program to run
    (find_program's choice)."""
    # --allow-nan: a variable that blows up does not stop the run, as in Brian2
    # (the device then warns as Brian2 does, from the final state).
    command = [find_program(program), 'run', model_path, '--csv', csv_dir, '--final-state', state_dir,
               '--allow-nan']
    if project is not None:
        command += ['--db', os.fspath(project)]
    if tier is not None:
        command += ['--tier', tier]
    if seed is not None:
        command += ['--seed', str(seed)]
    if profile:
        command.append('--profile')
    try:
        result = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, errors='replace')
    except OSError as error:
        raise RunFailure(where, 'cannot start %s (%s)' % (command[0], error.strerror))
    if result.returncode != 0:
        problem = first_error_line(result.stderr) or 'exit status %d' % result.returncode
        raise RunFailure(where, 'Spike Studio could not run the network: %s' % problem)
    return RunReport(simulation_seconds(result.stdout),
                     profile_entries(result.stdout) if profile else None)


def open_in_app(model_path):
    """Starts the desktop app on the model and returns at once."""
    return subprocess.Popen([find_program(), model_path], stdin=subprocess.DEVNULL,
                            start_new_session=True)
