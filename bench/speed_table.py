#!/usr/bin/python3
"""Spike Studio against Brian2 on one machine, in one invocation: a markdown table.

usage: /usr/bin/python3 bench/speed_table.py SPIKESTUDIO_BINARY [options]

  --reps N           repetitions per row, each in a fresh process (default 3);
                     the table shows the median of each figure
  --brian-reps N     repetitions of the Brian2 rows (default: --reps)
  --long-reps N      repetitions of the Brian2 rows of long models, i.e. the
                     100 s STDP run (default 1)
  --models LIST      comma-separated, from: cuba, cobahh, stdp, cuba100k
                     (default: all)
  --skip LIST        comma-separated, from: standalone, cython, brian2 (both),
                     memory (the memory-per-synapse table)
  --tiers LIST       Spike Studio tiers to run when the binary has --tier
                     (default: tcc,native); without --tier one default row
  --json FILE        also write every single measurement as JSON
  --speedtests       instead: Brian2's own speed tests (brian2/tests/features/
                     speed.py) against Brian2 cpp_standalone with one thread
                     and with OpenMP; its options are in bench/speedtests.py

Standard library only; the Brian2 rows come from bench/brian2_phases.py (which
builds each model through tests/reference/brian_ref.py) when python3-brian is
installed. Progress goes to stderr, the table to stdout. What each column
means is printed under the table (and in docs/benchmarks.md).
"""
import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
PHASES = os.path.join(HERE, 'brian2_phases.py')
PYTHON = '/usr/bin/python3' if os.path.exists('/usr/bin/python3') else sys.executable


class Model:
    def __init__(self, key, label, path, duration=None, long=False):
        self.key, self.label, self.path = key, label, os.path.join(REPO, path)
        self.duration, self.long = duration, long


MODELS = [
    Model('cuba', 'CUBA, 4000 neurons, 1 s', 'resources/examples/cuba.json'),
    Model('cobahh', 'COBAHH, 4000 neurons, 1 s', 'resources/examples/cobahh.json'),
    Model('stdp', 'STDP (Song et al. 2000), 1000 inputs, 100 s',
          'resources/examples/stdp_song2000.json', duration='100*second', long=True),
    Model('cuba100k', 'CUBA, 100,000 neurons, 1 s', 'bench/models/cuba_100k.json'),
]


def log(*parts):
    print(*parts, file=sys.stderr, flush=True)


# ---- running a process ---------------------------------------------------------

class Finished:
    """A finished child: its output, exit status, wall time and ru_maxrss."""

    def __init__(self, returncode, stdout, stderr, wall_s, maxrss_kb):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr
        self.wall_s, self.maxrss_kb = wall_s, maxrss_kb


def spawn(command, env_extra=None):
    """Runs `command` to the end; os.wait4 gives its rusage. The child gets
    SPIKESTUDIO_BENCH_T0, the time.time() just before it was started."""
    with tempfile.TemporaryFile('w+') as out, tempfile.TemporaryFile('w+') as err:
        start = time.time()
        env = dict(os.environ, SPIKESTUDIO_BENCH_T0=repr(start), **(env_extra or {}))
        process = subprocess.Popen(command, stdout=out, stderr=err, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.time() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Finished(process.returncode, out.read(), err.read(), wall, usage.ru_maxrss)


def median_figures(runs):
    """Median of every numeric field over the runs (which all succeeded)."""
    result = dict(runs[0])
    for key, value in runs[0].items():
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            result[key] = statistics.median(run[key] for run in runs)
    result['reps'] = len(runs)
    return result


# ---- Spike Studio -------------------------------------------------------------

TIME_LINE = re.compile(r'time: parse ([\d.]+) ms, codegen ([\d.]+) ms, compile ([\d.]+) ms'
                       r'.*setup ([\d.]+) ms, simulate ([\d.]+) ms')
FIRST_STEP_LINE = re.compile(r'^first step: ([\d.]+) ms', re.M)
TIER_LINE = re.compile(r'^tier: (.*)$', re.M)
SPIKES_LINE = re.compile(r'^spikes .*: (\d+)$', re.M)
SYNAPSES_LINE = re.compile(r'^synapses .*, (\d+) synapses$', re.M)
NATIVE_COMPILE = re.compile(r'compiled in ([\d.]+) ms')


def parse_summary(text):
    """The figures of one `spikestudio run` summary, in seconds."""
    match = TIME_LINE.search(text)
    if not match:
        raise ValueError('no "time:" line in the output:\n' + text)
    parse_ms, codegen_ms, compile_ms, setup_ms, simulate_ms = map(float, match.groups())
    first = FIRST_STEP_LINE.search(text)
    tier = TIER_LINE.search(text)
    tier_line = tier.group(1).strip() if tier else ''
    native = NATIVE_COMPILE.search(tier_line)
    native_ms = float(native.group(1)) if native else 0.0
    return {
        # "first step:" when the binary prints it, else the phases before the loop
        'in_process_first_step_s': (float(first.group(1)) if first else
                                    parse_ms + codegen_ms + compile_ms + setup_ms) / 1000,
        'first_step_printed': bool(first),
        # libtcc, plus the system compiler's share when the run used native code
        'compile_s': (compile_ms + native_ms) / 1000,
        'tcc_compile_s': compile_ms / 1000,
        'native_compile_s': native_ms / 1000,
        'simulate_s': simulate_ms / 1000,
        'spikes': sum(int(n) for n in SPIKES_LINE.findall(text)),
        'synapses': sum(int(n) for n in SYNAPSES_LINE.findall(text)),
        'tier_line': tier_line,
    }


def tiny_model(directory):
    path = os.path.join(directory, 'tiny.json')
    with open(path, 'w') as f:
        json.dump({'format': 'spikestudio-model', 'version': 1, 'duration': '0.2*ms', 'seed': 1,
                   'groups': [{'name': 'G', 'type': 'NeuronGroup', 'N': 1,
                               'equations': 'dv/dt = -v/(10*ms) : 1'}]}, f)
    return path


def detect_tiers(binary, scratch):
    """Whether `run --tier` exists: the usage text names it and a run with it
    succeeds on a tiny model."""
    usage = spawn([binary, '--help'])
    if '--tier' not in usage.stdout + usage.stderr:
        return False
    return spawn([binary, 'run', tiny_model(scratch), '--tier', 'tcc']).returncode == 0


def startup_seconds(binary, reps):
    """Median wall time of `spikestudio --help`: exec, loading the shared
    libraries, static initialisation and exit. Added to the CLI's own
    first-step figure (which starts at opening the model)."""
    return statistics.median(spawn([binary, '--help']).wall_s for _ in range(max(3, reps)))


def spikestudio_once(binary, model, tier, duration=None, path=None, cache_dir=None):
    """One `spikestudio run`; its native-code cache is `cache_dir` (a fresh
    temporary directory when omitted)."""
    if cache_dir is None:
        with tempfile.TemporaryDirectory(prefix='spikestudio_cache_') as fresh:
            return spikestudio_once(binary, model, tier, duration, path, fresh)
    command = [binary, 'run', path or model.path]
    if duration or model.duration:
        command += ['--duration', duration or model.duration]
    if tier:
        command += ['--tier', tier]
    finished = spawn(command, {'SPIKESTUDIO_CACHE_DIR': cache_dir})
    if finished.returncode != 0:
        raise RuntimeError('%s failed (%d):\n%s' % (' '.join(command), finished.returncode,
                                                     finished.stderr[-2000:]))
    figures = parse_summary(finished.stdout)
    figures['wall_s'] = finished.wall_s
    figures['peak_rss_kb'] = finished.maxrss_kb
    return figures


# ---- Brian2 ------------------------------------------------------------------

def probe(code):
    """(True, stdout) when `PYTHON -c code` succeeds, else (False, the reason)."""
    finished = spawn([PYTHON, '-c', code])
    if finished.returncode == 0:
        return True, finished.stdout.strip()
    lines = finished.stderr.strip().splitlines()
    return False, lines[-1] if lines else 'exit status %d' % finished.returncode


def brian2_availability():
    """{target: None when usable, else the reason it is not}, plus versions."""
    found, brian = probe('import brian2; print(brian2.__version__)')
    versions = {}
    if not found:
        reason = 'Brian2 not importable with %s (%s); install python3-brian' % (PYTHON, brian)
        return {'standalone': reason, 'cython': reason}, versions
    versions['brian2'] = brian
    compiler = shutil.which('g++')
    missing_cxx = None if compiler else 'no C++ compiler (g++) on PATH'
    standalone = missing_cxx or (None if shutil.which('make') else 'no make on PATH')
    found, cython = probe('import Cython; print(Cython.__version__)')
    if found:
        versions['cython'] = cython
    cython_reason = missing_cxx or (None if found else 'Cython is not installed (%s)' % cython)
    return {'standalone': standalone, 'cython': cython_reason}, versions


def brian2_once(model, target, cache_dir=None, path=None, duration=None):
    command = [PYTHON, PHASES, path or model.path, '--target', target]
    if duration or model.duration:
        command += ['--duration', duration or model.duration]
    if cache_dir:
        command += ['--cache-dir', cache_dir]
    finished = spawn(command)
    if finished.returncode != 0:
        raise RuntimeError('%s failed (%d):\n%s' % (' '.join(command), finished.returncode,
                                                     finished.stderr[-3000:]))
    figures = json.loads(finished.stdout.strip().splitlines()[-1])
    figures['wall_s'] = finished.wall_s
    return figures


# ---- the table ------------------------------------------------------------------

def seconds(value):
    if value is None:
        return ''
    if value >= 100:
        return '%.0f s' % value
    if value >= 0.0995:
        return '%.3g s' % value
    return '%.3g ms' % (value * 1000)


def megabytes(kb):
    if kb is None:
        return ''
    mb = kb / 1024
    return ('%.1f MB' if mb < 100 else '%.0f MB') % mb


def ratio(a, b):
    if a is None or b is None or b == 0:
        return ''
    r = a / b
    return ('%.2g' if r < 10 else '%.0f') % r


def first_step_plus_simulate(row):
    return row['first_step_s'] + row['simulate_s']


def machine_lines(binary, versions, tiers_available):
    cpu = 'unknown CPU'
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass
    distro = ''
    try:
        with open('/etc/os-release') as f:
            fields = dict(line.rstrip('\n').split('=', 1) for line in f if '=' in line)
            distro = fields.get('PRETTY_NAME', '').strip('"')
    except OSError:
        pass
    gxx = subprocess.run(['g++', '--version'], capture_output=True, text=True).stdout
    source = build_type = ''
    cache = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(binary))),
                         'CMakeCache.txt')
    if os.path.exists(cache):
        with open(cache) as f:
            for line in f:
                if line.startswith('CMAKE_HOME_DIRECTORY:'):
                    source = line.split('=', 1)[1].strip()
                elif line.startswith('CMAKE_BUILD_TYPE:'):
                    build_type = line.split('=', 1)[1].strip()
    commit = subprocess.run(['git', '-C', source or REPO, 'rev-parse', '--short', 'HEAD'],
                            capture_output=True, text=True).stdout.strip()
    load = os.getloadavg()
    return [
        'Machine: %s, %d logical cores (os.cpu_count), %s, Linux %s; load average %.2f at start.'
        % (cpu, os.cpu_count(), distro, platform.release(), load[0]),
        'Spike Studio: %s (%s build%s%s); tiers: %s.'
        % (binary, build_type or 'unknown', ', source ' + source if source else '',
           ', commit ' + commit if commit else '',
           'run --tier' if tiers_available else 'no --tier option in this binary (default only)'),
        'Brian2 %s, Cython %s, %s; Python %s (%s). Date %s.'
        % (versions.get('brian2', 'not installed'), versions.get('cython', 'not installed'),
           gxx.splitlines()[0] if gxx else 'no g++', platform.python_version(), PYTHON,
           datetime.date.today().isoformat()),
    ]


NOTES = """\
Columns (medians over the repetitions, each a fresh process; `reps` says how many):
- *first step*: from starting the process until the first time step begins.
  Spike Studio: its `first step:` line when it prints one, otherwise parse +
  codegen + compile + setup from its `time:` line; plus the process start-up
  (median wall time of `spikestudio --help`, given above). Brian2: from the
  moment this script started the helper (Python start, importing Brian2,
  building the network, code generation; cython: compilation; standalone:
  `make`, starting the binary, creating synapses and initial values in it).
- *compile*: Spike Studio: its `compile` figure (libtcc) plus, when the run
  used native code, the system compiler's time from its `tier:` line (for
  `native` before the first step; for `auto` in the background). *cold* and
  *warm* for the native tier: a fresh SPIKESTUDIO_CACHE_DIR, then a second
  process with the kernels that run compiled. Brian2 standalone: `make` of the generated project (g++ -O3
  -ffast-math -march=native, `make -j`). Brian2 cython: time inside Brian2's
  CythonExtensionManager.create_extension (cythonize + g++, or loading the
  module from the cache). *cold*: a fresh Cython cache directory; *warm*: a
  second process with the cache the cold run filled.
- *simulate*: the simulation loop only. Spike Studio: its `simulate` figure;
  Brian2: its own timer (standalone: Network::run inside the binary, CPU time
  of one thread; runtime: the Python loop of Network.run).
- *peak RSS*: Spike Studio: ru_maxrss of the process from os.wait4 (on Linux
  the larger of the process and any child it waited for, and at least the
  RSS of this script when it forked, about 10 MB). Brian2 standalone: the
  binary's own VmHWM (read at the end of its main()); the Python process that
  generated the code is not counted. Brian2 cython: the Python process
  (getrusage), which holds Brian2, numpy and sympy; compilers are not counted.
- *ratio*: Spike Studio's figure divided by the Brian2 target's (below 1:
  Spike Studio is faster or smaller)."""


def main():
    if '--speedtests' in sys.argv[1:]:
        sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
        import speedtests  # Brian2's own speed tests: bench/speedtests.py
        speedtests.main(sys.argv[1:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--reps', type=int, default=3)
    parser.add_argument('--brian-reps', type=int)
    parser.add_argument('--long-reps', type=int, default=1)
    parser.add_argument('--models', default=','.join(m.key for m in MODELS))
    parser.add_argument('--skip', default='')
    parser.add_argument('--tiers', default='tcc,native')
    parser.add_argument('--json')
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    skip = {s for s in args.skip.split(',') if s}
    if 'brian2' in skip:
        skip |= {'standalone', 'cython'}
    unknown = skip - {'standalone', 'cython', 'brian2', 'memory'}
    if unknown:
        parser.error('unknown --skip ' + ','.join(sorted(unknown)))
    wanted = [k for k in args.models.split(',') if k]
    models = [m for m in MODELS if m.key in wanted]
    if len(models) != len(wanted):
        parser.error('unknown model in --models (known: %s)' % ', '.join(m.key for m in MODELS))
    brian_reps = args.brian_reps or args.reps
    command_line = ' '.join(['/usr/bin/python3', 'bench/speed_table.py'] + sys.argv[1:])

    with tempfile.TemporaryDirectory(prefix='speed_table_') as scratch:
        tiers_available = detect_tiers(binary, scratch)
        tiers = [t for t in args.tiers.split(',') if t] if tiers_available else [None]
        startup = startup_seconds(binary, args.reps)
        unavailable, versions = brian2_availability()
        for target in ('standalone', 'cython'):
            if target in skip:
                unavailable[target] = 'skipped (--skip)'
        log('tiers:', tiers, 'start-up %.1f ms' % (startup * 1000), 'brian2:', unavailable)

        rows = []        # (model, tool, figures)
        raw = {'startup_s': startup, 'runs': []}
        for model in models:
            for tier in tiers:
                # tiers that compile with the system compiler cache its output:
                # a cold run (fresh cache) and a warm one (the cache it filled)
                caches = ('cold', 'warm') if tier in ('native', 'auto') else (None,)
                runs = {cache: [] for cache in caches}
                for rep in range(args.reps):
                    with tempfile.TemporaryDirectory(prefix='spikestudio_cache_',
                                                     dir=scratch) as cache_dir:
                        for cache in caches:
                            log('spikestudio', tier or 'default', cache or '', model.key,
                                'rep', rep + 1)
                            figures = spikestudio_once(binary, model, tier, cache_dir=cache_dir)
                            figures['first_step_s'] = figures['in_process_first_step_s'] + startup
                            runs[cache].append(figures)
                            raw['runs'].append(dict(figures, model=model.key, tool='spikestudio',
                                                    tier=tier, cache=cache))
                for cache in caches:
                    label = ', '.join(x for x in (tier, cache and cache + ' cache') if x)
                    rows.append((model, 'Spike Studio' + (' (%s)' % label if label else ''),
                                 median_figures(runs[cache])))
            reps = min(brian_reps, args.long_reps) if model.long else brian_reps
            if not unavailable['standalone']:
                runs = []
                for rep in range(reps):
                    log('brian2 standalone', model.key, 'rep', rep + 1)
                    runs.append(brian2_once(model, 'standalone'))
                    raw['runs'].append(dict(runs[-1], model=model.key, tool='standalone'))
                rows.append((model, 'Brian2 cpp_standalone', median_figures(runs)))
            if not unavailable['cython']:
                cold, warm = [], []
                for rep in range(reps):
                    with tempfile.TemporaryDirectory(prefix='cython_cache_', dir=scratch) as cache:
                        log('brian2 cython cold', model.key, 'rep', rep + 1)
                        cold.append(brian2_once(model, 'cython', cache_dir=cache))
                        log('brian2 cython warm', model.key, 'rep', rep + 1)
                        warm.append(brian2_once(model, 'cython', cache_dir=cache))
                    raw['runs'].append(dict(cold[-1], model=model.key, tool='cython cold'))
                    raw['runs'].append(dict(warm[-1], model=model.key, tool='cython warm'))
                rows.append((model, 'Brian2 cython, cold cache', median_figures(cold)))
                rows.append((model, 'Brian2 cython, warm cache', median_figures(warm)))

        memory = None
        if 'memory' not in skip:
            memory = memory_per_synapse(binary, scratch, tiers[0], unavailable, raw)

    out = []
    out.append('### Spike Studio and Brian2, one machine, one invocation')
    out.append('')
    out.extend(line + '  ' for line in machine_lines(binary, versions, tiers_available))
    out.append('Command: `%s`  ' % command_line)
    out.append('Spike Studio process start-up (`spikestudio --help`, median): %s.'
               % seconds(startup))
    for target, reason in unavailable.items():
        if reason:
            out.append('Brian2 %s: not run: %s.  ' % (target, reason))
    out.append('')
    out.append('| model | tool | first step | compile | simulate | first step + simulate '
               '| peak RSS | spikes | reps |')
    out.append('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for model, tool, f in rows:
        out.append('| %s | %s | %s | %s | %s | %s | %s | %s | %d |' % (
            model.label, tool, seconds(f['first_step_s']), seconds(f['compile_s']),
            seconds(f['simulate_s']), seconds(first_step_plus_simulate(f)),
            megabytes(f['peak_rss_kb']), '{:,}'.format(int(f['spikes'])), f['reps']))
    ratio_lines = []
    for model in models:
        ours = [(tool, f) for m, tool, f in rows if m is model and tool.startswith('Spike')]
        theirs = [(tool, f) for m, tool, f in rows if m is model and tool.startswith('Brian2')]
        for tool, f in ours:
            for other, g in theirs:
                ratio_lines.append('| %s | %s | %s | %s | %s | %s | %s |' % (
                    model.label, tool, other.replace('Brian2 ', ''),
                    ratio(f['first_step_s'], g['first_step_s']),
                    ratio(f['simulate_s'], g['simulate_s']),
                    ratio(first_step_plus_simulate(f), first_step_plus_simulate(g)),
                    ratio(f['peak_rss_kb'], g['peak_rss_kb'])))
    if ratio_lines:
        out.append('')
        out.append('Ratio Spike Studio / Brian2 (below 1: Spike Studio faster or smaller):')
        out.append('')
        out.append('| model | Spike Studio | Brian2 | first step | simulate '
                   '| first step + simulate | peak RSS |')
        out.append('| --- | --- | --- | ---: | ---: | ---: | ---: |')
        out.extend(ratio_lines)
    if memory:
        out.append('')
        out.extend(memory)
    out.append('')
    out.append(NOTES)
    print('\n'.join(out))
    if args.json:
        with open(args.json, 'w') as f:
            json.dump(raw, f, indent=1)


# ---- memory per synapse ----------------------------------------------------------

MEMORY_DURATION = '100*ms'


def memory_variants(scratch):
    """cuba_100k.json without monitors, with and without its synapses."""
    with open(os.path.join(REPO, 'bench', 'models', 'cuba_100k.json')) as f:
        model = json.load(f)
    model.pop('monitors', None)
    model['duration'] = MEMORY_DURATION
    with_path = os.path.join(scratch, 'cuba_100k_no_monitors.json')
    with open(with_path, 'w') as f:
        json.dump(model, f)
    model.pop('synapses')
    without_path = os.path.join(scratch, 'cuba_100k_no_synapses.json')
    with open(without_path, 'w') as f:
        json.dump(model, f)
    return with_path, without_path


def memory_per_synapse(binary, scratch, tier, unavailable, raw):
    """Peak RSS of the 100,000-neuron CUBA minus the same network without
    synapses, per synapse. Both without monitors and run for 100 ms, so the
    difference is the synapses and their share of the spike queue only."""
    with_path, without_path = memory_variants(scratch)
    model = MODELS[-1]
    lines = []
    measure = [('Spike Studio' + (' (%s)' % tier if tier else ''),
                lambda path: spikestudio_once(binary, model, tier, MEMORY_DURATION, path))]
    if not unavailable['standalone']:
        measure.append(('Brian2 cpp_standalone',
                        lambda path: brian2_once(model, 'standalone', path=path,
                                                 duration=MEMORY_DURATION)))
    for tool, once in measure:
        log('memory per synapse:', tool)
        full, bare = once(with_path), once(without_path)
        raw['runs'].append(dict(full, model='cuba100k no monitors', tool=tool))
        raw['runs'].append(dict(bare, model='cuba100k no synapses', tool=tool))
        per_synapse = (full['peak_rss_kb'] - bare['peak_rss_kb']) * 1024 / full['synapses']
        lines.append('| %s | %s | %s | %s | %.1f |' % (
            tool, megabytes(full['peak_rss_kb']), megabytes(bare['peak_rss_kb']),
            '{:,}'.format(full['synapses']), per_synapse))
    return ['Peak memory per synapse: CUBA 100,000 neurons without monitors, run 100 ms, '
            'with and without its synapses (one run each):',
            '',
            '| tool | peak RSS with synapses | without synapses | synapses | bytes per synapse |',
            '| --- | ---: | ---: | ---: | ---: |'] + lines


if __name__ == '__main__':
    main()
