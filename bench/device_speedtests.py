#!/usr/bin/python3
"""Brian2's own speed tests, run unchanged through the spikestudio device and
through Brian2's own targets: whole script time and simulation time.

usage: /usr/bin/python3 bench/device_speedtests.py SPIKESTUDIO_BINARY [options]

Each test class of brian2/tests/features/speed.py (Debian's python3-brian)
is run as a script would run it: `TestClass(n).run()` in a fresh Python
process, once per target:
  spikestudio     set_device('spikestudio', tier=TIER): Brian2 builds the
                  network, Spike Studio runs it (python/brian2spikestudio)
  cython, numpy   Brian2's runtime device with that code generation target
  cpp_standalone  Brian2's C++ standalone device (code generation, make and
                  the binary all happen inside the script, as for a user)
Whole script: the wall time of the Python process, from start to exit.
Simulation: what the device reports as `device._last_run_time` (the
simulation loop; for the runtime targets Brian2's Network.run).
On the runtime device the test runs one step first and then the duration
(Brian2's SpeedTest.timed_run); the spikestudio device runs the whole model
again for the second run(), so its simulation covers duration + one step.

Each target and size runs once unmeasured first (fills Spike Studio's kernel
cache and Cython's cache, as on a user's second run), then --reps times; the
figures are medians. The repetitions of the targets are interleaved so a
change of the machine's load hits all of them alike.

Options:
  --tests LIST    comma-separated class names (default: all of speed.py)
  --max-n N       only sizes up to N (default 10000)
  --sizes LIST    only these sizes
  --targets LIST  from spikestudio,cython,numpy,cpp_standalone
                  (default: spikestudio,cython,cpp_standalone)
  --reps N        measured runs per target and size (default 3)
  --tier TIER     the device's tier: auto, tcc or native (default auto)
  --timeout S     a run taking longer is reported as failed (default 1800)

The Markdown table goes to stdout, progress to stderr. Bad options: one line
on stderr and exit status 1.
"""
import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = '/usr/bin/python3'
PACKAGE_DIR = os.path.join(os.path.dirname(HERE), 'python')
TARGETS = ('spikestudio', 'cython', 'numpy', 'cpp_standalone')
TIERS = ('auto', 'tcc', 'native')

# The child: one speed test at one size on one target; prints its timer as JSON.
CHILD = r'''
import json, sys
from brian2 import *
from brian2.tests.features import speed
test_name, n, target, tier, folder = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
if target == 'spikestudio':
    import brian2spikestudio
    set_device('spikestudio', tier=tier)
elif target == 'cpp_standalone':
    set_device('cpp_standalone', directory=folder)
else:
    prefs.codegen.target = target
getattr(speed, test_name)(n).run()
print(json.dumps({'simulate_s': float(device._last_run_time)}))
'''


def log(text):
    print(text, file=sys.stderr, flush=True)


def speed_test_classes():
    """Every speed test's name and Brian2's sizes, read from the installed speed.py."""
    listing = subprocess.run(
        [PYTHON, '-c', 'import json\nfrom brian2.tests.features import speed\n'
         'print(json.dumps({name: list(getattr(speed, name).n_range) '
         'for name in speed.__all__}))'],
        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, check=True)
    return json.loads(listing.stdout)


def comma_list(text, allowed, what):
    items = [item for item in text.split(',') if item]
    for item in items:
        if item not in allowed:
            raise SystemExit('error: unknown %s %r (choose from %s)'
                             % (what, item, ', '.join(allowed)))
    return items


def parse_options(argv, tests):
    parser = argparse.ArgumentParser(prog='device_speedtests.py')
    parser.add_argument('binary')
    parser.add_argument('--tests', default=','.join(tests))
    parser.add_argument('--max-n', type=int, default=10000)
    parser.add_argument('--sizes', default='')
    parser.add_argument('--targets', default='spikestudio,cython,cpp_standalone')
    parser.add_argument('--reps', type=int, default=3)
    parser.add_argument('--tier', default='auto', choices=TIERS)
    parser.add_argument('--timeout', type=float, default=1800)
    options = parser.parse_args(argv)
    if not (os.path.isfile(options.binary) and os.access(options.binary, os.X_OK)):
        raise SystemExit('error: %s is not an executable spikestudio program' % options.binary)
    if options.reps < 1 or options.max_n < 1 or options.timeout <= 0:
        raise SystemExit('error: --reps, --max-n and --timeout must be positive')
    options.tests = comma_list(options.tests, list(tests), 'test')
    options.targets = comma_list(options.targets, TARGETS, 'target')
    try:
        options.sizes = [int(size) for size in options.sizes.split(',') if size]
    except ValueError:
        raise SystemExit('error: --sizes must be whole numbers, as in 100,1000')
    return options


def environment(options, home):
    env = dict(os.environ, HOME=home, SPIKESTUDIO_BINARY=os.path.abspath(options.binary),
               PYTHONPATH=PACKAGE_DIR, OMP_NUM_THREADS='1')
    env['SPIKESTUDIO_CACHE_DIR'] = os.path.join(home, 'kernels')
    return env


def run_once(test, n, target, options, home):
    """One script run: {'whole_s', 'simulate_s'} or {'failed': reason}."""
    folder = tempfile.mkdtemp(prefix='standalone-', dir=home)
    started = time.monotonic()
    try:
        result = subprocess.run(
            [PYTHON, '-c', CHILD, test, str(n), target, options.tier, folder],
            env=environment(options, home), cwd=home, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, text=True, errors='replace', timeout=options.timeout)
    except subprocess.TimeoutExpired:
        return {'failed': 'over %g s' % options.timeout}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    whole = time.monotonic() - started
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if line.strip()]
        return {'failed': lines[-1][:160] if lines else 'exit status %d' % result.returncode}
    timer = json.loads(result.stdout.strip().splitlines()[-1])
    return {'whole_s': whole, 'simulate_s': timer['simulate_s']}


def measure_size(test, n, options, home):
    """Median figures per target for one test and size (runs interleaved)."""
    runs = {target: [] for target in options.targets}
    failed = {}
    for rep in range(options.reps + 1):  # the first round warms the caches
        for target in options.targets:
            if target in failed:
                continue
            outcome = run_once(test, n, target, options, home)
            if 'failed' in outcome:
                failed[target] = outcome['failed']
                log('  %s N=%d %s: failed: %s' % (test, n, target, outcome['failed']))
            elif rep > 0:
                runs[target].append(outcome)
                log('  %s N=%d %s: whole %.3f s, simulation %.4f s'
                    % (test, n, target, outcome['whole_s'], outcome['simulate_s']))
    figures = {}
    for target in options.targets:
        if target in failed:
            figures[target] = None
        else:
            figures[target] = {key: statistics.median(run[key] for run in runs[target])
                               for key in ('whole_s', 'simulate_s')}
    return figures


def cell(figure, key):
    return 'failed' if figure is None else '%.3g' % figure[key]


def print_table(rows, targets):
    header = ['test', 'N'] + ['%s whole s' % t for t in targets] + \
             ['%s sim s' % t for t in targets]
    print('| ' + ' | '.join(header) + ' |')
    print('|' + '---|' * len(header))
    for test, n, figures in rows:
        cells = [test, str(n)] + [cell(figures[t], 'whole_s') for t in targets] + \
                [cell(figures[t], 'simulate_s') for t in targets]
        print('| ' + ' | '.join(cells) + ' |')


def main(argv):
    tests = speed_test_classes()
    options = parse_options(argv, tests)
    rows = []
    with tempfile.TemporaryDirectory(prefix='device-speedtests-') as home:
        for test in options.tests:
            sizes = [n for n in tests[test] if n <= options.max_n and
                     (not options.sizes or n in options.sizes)]
            for n in sizes:
                log('%s N=%d' % (test, n))
                rows.append((test, n, measure_size(test, n, options, home)))
    print_table(rows, options.targets)
    print('\nmedians of %d runs after one warm-up run; tier %s; %s, %d cores'
          % (options.reps, options.tier, time.strftime('%Y-%m-%d'), os.cpu_count()))
    return 0


if __name__ == '__main__':
    try:
        sys.exit(main(sys.argv[1:]))
    except subprocess.CalledProcessError:
        sys.exit('error: cannot list Brian2\'s speed tests (is python3-brian installed?)')
