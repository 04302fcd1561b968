#!/usr/bin/python3
"""Brian2's own speed tests, Spike Studio against Brian2 cpp_standalone.

usage: /usr/bin/python3 bench/speed_table.py SPIKESTUDIO_BINARY --speedtests [options]

For each test of brian2/tests/features/speed.py (written as Spike Studio
models by bench/speed_models.py) and each of Brian2's sizes that fits in
memory, in one invocation:
  - Spike Studio: `spikestudio run MODEL --tier native` with a warm kernel
    cache (one short run fills it first), plus `--threads T` when the
    binary's help lists that option;
  - Brian2 cpp_standalone without OpenMP (one thread) and with OpenMP at T
    threads: bench/brian2_speedtest.py generates and compiles Brian2's own
    test class once per size (code generation and `make` are reported, not
    counted), then this script runs its `./main` and times it.
The repetitions of the three tools are interleaved (one run of each, then
again), so that a change in the machine's load hits all of them alike.

Options:
  --tests LIST       comma-separated test names (default: all; see
                     `bench/speed_models.py list`)
  --sizes LIST       only these N (default: every size of Brian2's n_range)
  --max-n N          only sizes up to N
  --reps N           runs per tool and size (default 3); figures are medians
  --long-reps N      runs when one run of a size took over --long-seconds
                     (default 1)
  --long-seconds S   (default 60)
  --threads T        Brian2's OpenMP threads, and Spike Studio's --threads
                     when it has the option (default: os.cpu_count())
  --memory-budget GB skip sizes whose estimated peak memory exceeds it
                     (default: half the machine's memory, at most 80% of
                     what is available at the start)
  --timeout S        a run that takes longer is stopped and reported as
                     failed (default 7200)
  --skip LIST        openmp (the OpenMP rows), brian2 (all Brian2 rows)
  --tier TIER        Spike Studio's tier (default native)
  --csv FILE         write every row as CSV (rewritten after each size)
  --plot FILE        a log-log plot of simulation time against N, one panel
                     per test, both tools (.png or .svg; needs matplotlib)
  --from-csv FILE    measure nothing: the table and plot of an earlier --csv
  --dry-run          print which sizes would run or be skipped, and stop

The Markdown table goes to stdout, progress to stderr. Bad options: one line
on stderr and exit status 1, before anything runs.
"""
import argparse
import csv
import datetime
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree

import speed_models  # noqa: E402
import speed_table  # noqa: E402

BRIAN2_BUILD = os.path.join(HERE, 'brian2_speedtest.py')
PYTHON = speed_table.PYTHON
SPIKE_STUDIO, BRIAN2_SERIAL, BRIAN2_OPENMP = 'Spike Studio', 'Brian2 1 thread', 'Brian2 OpenMP'
WARM_UP_DURATION = '0.1*ms'
COMPILED = re.compile(r'(\d+) compiled in')
CSV_FIELDS = ['test', 'n', 'tool', 'threads', 'status', 'reps', 'simulate_s', 'simulate_cpu_s',
              'whole_s', 'whole_cpu_s', 'brian2_timer_s', 'peak_rss_kb', 'spikes', 'synapses',
              'codegen_s', 'compile_s', 'load_average', 'note']
NUMERIC_FIELDS = {'n', 'threads', 'reps', 'simulate_s', 'simulate_cpu_s', 'whole_s',
                  'whole_cpu_s', 'brian2_timer_s', 'peak_rss_kb', 'spikes', 'synapses', 'codegen_s',
                  'compile_s', 'load_average'}

log = speed_table.log


class Failed(Exception):
    """A tool could not build or run a size; the message says why."""


# ---- options ------------------------------------------------------------------

class ArgumentParser(argparse.ArgumentParser):
    """Bad options: one line and exit status 1 (argparse's own is usage and 2)."""

    def error(self, message):
        sys.exit('%s: %s' % (self.prog, message))


def comma_list(text):
    return [item.strip() for item in text.split(',') if item.strip()]


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError('%r is not a whole number' % text) from None
    if value < 1:
        raise argparse.ArgumentTypeError('%d is not positive' % value)
    return value


def positive_float(text):
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError('%r is not a number' % text) from None
    if not value > 0 or value == float('inf'):
        raise argparse.ArgumentTypeError('%r is not a positive number' % text)
    return value


def size_list(text):
    return [positive_int(item) for item in comma_list(text)]


def parse_arguments(argv):
    parser = ArgumentParser(prog='speed_table.py --speedtests',
                            description=__doc__.split('\n')[0])
    parser.add_argument('binary', nargs='?')
    parser.add_argument('--speedtests', action='store_true')
    parser.add_argument('--tests', type=comma_list,
                        default=[test.name for test in speed_models.TESTS])
    parser.add_argument('--sizes', type=size_list)
    parser.add_argument('--max-n', type=positive_int)
    parser.add_argument('--reps', type=positive_int, default=3)
    parser.add_argument('--long-reps', type=positive_int, default=1)
    parser.add_argument('--long-seconds', type=positive_float, default=60.0)
    parser.add_argument('--threads', type=positive_int, default=os.cpu_count() or 1)
    parser.add_argument('--memory-budget', type=positive_float)
    parser.add_argument('--timeout', type=positive_float, default=7200.0)
    parser.add_argument('--skip', type=comma_list, default=[])
    parser.add_argument('--tier', choices=('native', 'tcc', 'auto'), default='native')
    parser.add_argument('--csv')
    parser.add_argument('--plot')
    parser.add_argument('--from-csv')
    parser.add_argument('--dry-run', action='store_true')
    args = parser.parse_args(argv)
    known = [test.name for test in speed_models.TESTS]
    unknown = [name for name in args.tests if name not in known]
    if unknown:
        parser.error('unknown test %s in --tests (known: %s)' % (', '.join(unknown),
                                                                   ', '.join(known)))
    bad_skip = [item for item in args.skip if item not in ('openmp', 'brian2')]
    if bad_skip:
        parser.error('unknown item %s in --skip (known: openmp, brian2)' % ', '.join(bad_skip))
    if args.plot and not args.plot.endswith(('.png', '.svg')):
        parser.error('--plot must name a .png or .svg file, not %r' % args.plot)
    for option in ('csv', 'plot'):
        path = getattr(args, option)
        if path and not os.path.isdir(os.path.dirname(os.path.abspath(path))):
            parser.error('--%s %s: its directory does not exist' % (option, path))
    if args.from_csv:
        if not os.path.isfile(args.from_csv):
            parser.error('--from-csv %s: no such file' % args.from_csv)
        return args
    if not args.binary:
        parser.error('the Spike Studio binary is missing (the first argument)')
    if not (os.path.isfile(args.binary) and os.access(args.binary, os.X_OK)):
        parser.error('%s: not an executable file' % args.binary)
    args.binary = os.path.abspath(args.binary)
    return args


# ---- the plan: which sizes run -----------------------------------------------------

def meminfo_bytes(field):
    try:
        with open('/proc/meminfo') as f:
            for line in f:
                if line.startswith(field + ':'):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return None


def default_memory_budget():
    total, available = meminfo_bytes('MemTotal'), meminfo_bytes('MemAvailable')
    if total is None:
        return 4 * 2**30
    budget = total / 2
    return min(budget, 0.8 * available) if available else budget


class Size:
    """One (test, N) of the plan; `skip` says why it is not measured."""

    def __init__(self, test, n, memory_bytes, skip=None):
        self.test, self.n, self.memory_bytes, self.skip = test, n, memory_bytes, skip


def plan(args, budget_bytes):
    sizes = []
    for test in speed_models.TESTS:
        if test.name not in args.tests:
            continue
        for n in test.n_range:
            if (args.sizes and n not in args.sizes) or (args.max_n and n > args.max_n):
                continue
            memory = test.memory_estimate_bytes(n)
            skip = test.not_measured
            if not skip and memory > budget_bytes:
                skip = ('skipped: estimated peak memory %.1f GB exceeds the budget of %.1f GB'
                        % (memory / 2**30, budget_bytes / 2**30))
            sizes.append(Size(test, n, memory, skip))
    return sizes


def print_plan(sizes, budget_bytes):
    print('Memory budget %.1f GB.' % (budget_bytes / 2**30))
    print('')
    print('| test | N | estimated peak memory | plan |')
    print('| --- | ---: | ---: | --- |')
    for size in sizes:
        print('| %s | %s | %.2f GB | %s |' % (size.test.name, '{:,}'.format(size.n),
                                             size.memory_bytes / 2**30, size.skip or 'run'))


# ---- running processes -----------------------------------------------------------

class Finished:
    """A finished child: exit status, output, wall and CPU seconds, ru_maxrss."""

    def __init__(self, returncode, stdout, stderr, wall_s, cpu_s, maxrss_kb, timed_out):
        self.returncode, self.stdout, self.stderr = returncode, stdout, stderr
        self.wall_s, self.cpu_s, self.maxrss_kb = wall_s, cpu_s, maxrss_kb
        self.timed_out = timed_out


def run_process(command, timeout_s, cwd=None, env_extra=None):
    """Runs `command` to its end (or kills it after timeout_s); os.wait4
    gives its CPU time and peak RSS."""
    with tempfile.TemporaryFile('w+') as out, tempfile.TemporaryFile('w+') as err:
        env = dict(os.environ, **(env_extra or {}))
        timed_out = []
        start = time.monotonic()
        process = subprocess.Popen(command, stdout=out, stderr=err, cwd=cwd, env=env)
        timer = threading.Timer(timeout_s, lambda: (timed_out.append(True), process.kill()))
        timer.start()
        try:
            _, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        wall = time.monotonic() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return Finished(process.returncode, out.read(), err.read(), wall,
                        usage.ru_utime + usage.ru_stime, usage.ru_maxrss, bool(timed_out))


def failure_reason(finished, what):
    if finished.timed_out:
        return '%s: stopped after the timeout (%.0f s)' % (what, finished.wall_s)
    lines = [line for line in finished.stderr.strip().splitlines() if line.strip()]
    return '%s: exit status %d%s' % (what, finished.returncode,
                                     (': ' + lines[-1].strip()) if lines else '')


def option_in_help(binary, option):
    """Whether `binary --help` or `binary run --help` lists `option`."""
    for command in ([binary, '--help'], [binary, 'run', '--help']):
        finished = run_process(command, 60)
        if option in finished.stdout + finished.stderr:
            return True
    return False


# ---- Spike Studio ---------------------------------------------------------------

class SpikeStudioRunner:
    """Runs one model with a warm native-code cache."""

    def __init__(self, args, model_path, cache_dir, threads_option):
        self.command = [args.binary, 'run', model_path, '--tier', args.tier]
        if threads_option:
            self.command += ['--threads', str(args.threads)]
        self.env = {'SPIKESTUDIO_CACHE_DIR': cache_dir}
        self.timeout = args.timeout
        self.threads = args.threads if threads_option else 1
        self.compile_s = 0.0

    def warm_up(self):
        """A 0.1 ms run compiles the kernels into the cache (they do not depend
        on N or the duration); its compile time is reported."""
        _, summary = self.run(['--duration', WARM_UP_DURATION])
        self.compile_s = summary['compile_s']

    def run(self, extra=()):
        finished = run_process(self.command + list(extra), self.timeout, env_extra=self.env)
        if finished.returncode != 0:
            raise Failed(failure_reason(finished, 'spikestudio run'))
        try:
            return finished, speed_table.parse_summary(finished.stdout)
        except ValueError:
            raise Failed('spikestudio run printed no "time:" line') from None

    def run_once(self):
        """The run, and the same run for one step: the difference of their
        CPU times is the simulation's (the app reports wall time only)."""
        finished, summary = self.run()
        setup, _ = self.run(['--duration', WARM_UP_DURATION])
        compiled = COMPILED.search(summary['tier_line'])
        return {'simulate_s': summary['simulate_s'],
                'simulate_cpu_s': max(0.0, finished.cpu_s - setup.cpu_s),
                'whole_s': finished.wall_s,
                'whole_cpu_s': finished.cpu_s, 'peak_rss_kb': finished.maxrss_kb,
                'spikes': (summary['spikes'] if speed_table.SPIKES_LINE.search(finished.stdout)
                           else ''),
                'synapses': summary['synapses'],
                'cold_kernels': bool(compiled and int(compiled.group(1)) > 0)}


# ---- Brian2 -------------------------------------------------------------------

class Brian2Runner:
    """Builds Brian2's own test for one size (generate, make), then runs its
    ./main in the project directory."""

    def __init__(self, args, test, n, project, openmp_threads):
        self.args, self.test, self.n, self.project = args, test, n, project
        self.openmp_threads = openmp_threads
        self.threads = openmp_threads or 1
        self.build = None

    def warm_up(self):
        command = [PYTHON, BRIAN2_BUILD, self.test.brian2_class, str(self.n), self.project,
                   '--threads', str(self.openmp_threads)]
        if self.test.brian2_method:
            command += ['--method', self.test.brian2_method]
        finished = run_process(command, self.args.timeout)
        if finished.returncode != 0:
            raise Failed(failure_reason(finished, 'Brian2 code generation and make'))
        try:
            self.build = json.loads(finished.stdout.strip().splitlines()[-1])
        except (ValueError, IndexError):
            raise Failed('Brian2 code generation printed no figures') from None
        self.compile_s = self.build['make_s']

    def count(self, files):
        """Elements in the result files ('' when there are none)."""
        if not files:
            return ''
        total = 0
        for name, itemsize in files:
            path = os.path.join(self.project, name)
            total += os.path.getsize(path) // itemsize if os.path.exists(path) else 0
        return total

    def read_numbers(self, name, count):
        """The first `count` numbers of a file the binary wrote in results/."""
        with open(os.path.join(self.project, 'results', name)) as f:
            words = f.read().split()
        if len(words) < count:
            raise ValueError('%s holds %d numbers, not %d' % (name, len(words), count))
        return [float(word) for word in words[:count]]

    def run_once(self):
        times_file = os.path.join(self.project, 'results', 'speedtest_simulate_times.txt')
        if os.path.exists(times_file):
            os.unlink(times_file)
        finished = run_process(self.build['run_command'], self.args.timeout, cwd=self.project,
                               env_extra=self.build['run_environment'])
        if finished.returncode != 0:
            raise Failed(failure_reason(finished, 'Brian2 ./main'))
        try:
            simulate, simulate_cpu = self.read_numbers('speedtest_simulate_times.txt', 2)
            own_timer, = self.read_numbers('last_run_info.txt', 1)
        except (OSError, ValueError) as error:
            raise Failed('Brian2 ./main wrote no timing (%s)' % error) from None
        return {'simulate_s': simulate, 'simulate_cpu_s': simulate_cpu,
                'brian2_timer_s': own_timer, 'whole_s': finished.wall_s,
                'whole_cpu_s': finished.cpu_s, 'peak_rss_kb': finished.maxrss_kb,
                'spikes': self.count(self.build['spike_files']),
                'synapses': self.count(self.build['synapse_files'])}


# ---- measuring one size ---------------------------------------------------------

def median_row(test, n, tool, runner, runs, load):
    row = {'test': test.name, 'n': n, 'tool': tool, 'threads': runner.threads,
           'status': 'ok', 'reps': len(runs), 'load_average': load,
           'compile_s': runner.compile_s,
           'codegen_s': runner.build['codegen_s'] if getattr(runner, 'build', None) else '',
           'note': ''}
    for key in ('simulate_s', 'simulate_cpu_s', 'whole_s', 'whole_cpu_s', 'brian2_timer_s',
                'peak_rss_kb', 'spikes', 'synapses'):
        values = [run[key] for run in runs if run.get(key, '') != '']
        row[key] = statistics.median(values) if values else ''
    if any(run.get('cold_kernels') for run in runs):
        row['note'] = 'some runs compiled kernels (the cache was not warm)'
    return row


def failed_row(test, n, tool, threads, reason, load):
    return {'test': test.name, 'n': n, 'tool': tool, 'threads': threads, 'status': 'failed',
            'load_average': load, 'note': reason}


def measure_size(args, size, runners):
    """Warm-up (cache, builds), then rounds of one run per tool, interleaved."""
    test, n = size.test, size.n
    load = round(os.getloadavg()[0], 2)
    rows, active, runs = [], [], {}
    for tool, runner in runners:
        log('  %s: preparing' % tool)
        try:
            runner.warm_up()
            active.append((tool, runner))
            runs[tool] = []
        except Failed as error:
            log('  %s: %s' % (tool, error))
            rows.append(failed_row(test, n, tool, runner.threads, str(error), load))
    reps = args.reps
    rep = 0
    while rep < reps and active:
        longest = 0.0
        for tool, runner in list(active):
            log('  %s: run %d of %d' % (tool, rep + 1, reps))
            try:
                figures = runner.run_once()
            except Failed as error:
                log('  %s: %s' % (tool, error))
                rows.append(failed_row(test, n, tool, runner.threads, str(error), load))
                active.remove((tool, runner))
                del runs[tool]
                continue
            runs[tool].append(figures)
            longest = max(longest, figures['whole_s'])
        if rep == 0 and longest > args.long_seconds:
            reps = min(reps, args.long_reps)
        rep += 1
    for tool, runner in active:
        rows.append(median_row(test, n, tool, runner, runs[tool], load))
    order = [tool for tool, _ in runners]
    return sorted(rows, key=lambda row: order.index(row['tool']))


def runners_for(args, size, scratch, cache_dir, threads_option, brian2_reason):
    model_path = os.path.join(scratch, 'model.json')
    speed_models.write_model(size.test, size.n, model_path)
    runners = [(SPIKE_STUDIO, SpikeStudioRunner(args, model_path, cache_dir, threads_option))]
    if not brian2_reason:
        runners.append((BRIAN2_SERIAL, Brian2Runner(args, size.test, size.n,
                                                    os.path.join(scratch, 'serial'), 0)))
        if 'openmp' not in args.skip:
            runners.append((BRIAN2_OPENMP, Brian2Runner(args, size.test, size.n,
                                                        os.path.join(scratch, 'openmp'),
                                                        args.threads)))
    return runners


def skipped_row(size):
    return {'test': size.test.name, 'n': size.n, 'tool': '', 'status': 'skipped',
            'note': size.skip}


# ---- output: Markdown, CSV, plot ----------------------------------------------------

def write_csv(rows, path):
    temporary = path + '.partial'
    with open(temporary, 'w', newline='') as f:
        writer = csv.DictWriter(f, fieldnames=CSV_FIELDS, extrasaction='ignore')
        writer.writeheader()
        for row in rows:
            writer.writerow({field: row.get(field, '') for field in CSV_FIELDS})
    os.replace(temporary, path)


def read_csv(path):
    rows = []
    with open(path, newline='') as f:
        reader = csv.DictReader(f)
        if reader.fieldnames != CSV_FIELDS:
            raise ValueError('%s: not a CSV written by --speedtests --csv (its header differs)'
                             % path)
        for line, row in enumerate(reader, start=2):
            for field in NUMERIC_FIELDS:
                if row[field] != '':
                    try:
                        row[field] = float(row[field])
                    except ValueError:
                        raise ValueError('%s, line %d, field %s: %r is not a number'
                                         % (path, line, field, row[field])) from None
            rows.append(row)
    return rows


def reference(rows, row, tool):
    for other in rows:
        if (other['test'], other['n'], other['tool']) == (row['test'], row['n'], tool) \
                and other['status'] == 'ok':
            return other
    return None


def ratio_cell(row, other, key):
    if not other or row['tool'] == other['tool']:
        return ''
    return speed_table.ratio(row[key], other[key])


def markdown_table(rows):
    lines = ['| test | N | tool | threads | simulate | simulate CPU | whole process | spikes '
             '| simulate ÷ Brian2 1 thread | simulate ÷ Brian2 OpenMP '
             '| simulate CPU ÷ Brian2 1 thread | reps |',
             '| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |']
    for row in rows:
        n = '{:,}'.format(int(row['n']))
        if row['status'] == 'skipped':
            lines.append('| %s | %s | %s |  |  |  |  |  |  |  |  |  |' % (row['test'], n,
                                                                       row['note']))
            continue
        if row['status'] == 'failed':
            lines.append('| %s | %s | %s | %d | failed: %s |  |  |  |  |  |  |  |'
                         % (row['test'], n, row['tool'], int(row['threads']),
                            row['note'].replace('|', '/')))
            continue
        serial, openmp = reference(rows, row, BRIAN2_SERIAL), reference(rows, row, BRIAN2_OPENMP)
        # Spike Studio against both; OpenMP against one thread (its speed-up)
        lines.append('| %s | %s | %s | %d | %s | %s | %s | %s | %s | %s | %s | %d |' % (
            row['test'], n, row['tool'], int(row['threads']),
            speed_table.seconds(row['simulate_s']), speed_table.seconds(row['simulate_cpu_s']),
            speed_table.seconds(row['whole_s']),
            '{:,}'.format(int(row['spikes'])) if row['spikes'] != '' else '',
            ratio_cell(row, serial, 'simulate_s'),
            ratio_cell(row, openmp, 'simulate_s') if row['tool'] == SPIKE_STUDIO else '',
            ratio_cell(row, serial, 'simulate_cpu_s') if row['tool'] == SPIKE_STUDIO else '',
            int(row['reps'])))
    return lines


TOOL_STYLES = {SPIKE_STUDIO: ('tab:blue', 'o'), BRIAN2_SERIAL: ('tab:orange', 's'),
               BRIAN2_OPENMP: ('tab:green', '^')}


def plot(rows, path):
    import matplotlib
    matplotlib.use('Agg')
    import matplotlib.pyplot as plt
    measured = [row for row in rows if row['status'] == 'ok']
    tests = [test.name for test in speed_models.TESTS
             if any(row['test'] == test.name for row in measured)]
    if not tests:
        raise ValueError('nothing was measured, so there is nothing to plot')
    columns = min(3, len(tests))
    lines_of_panels = (len(tests) + columns - 1) // columns
    figure, axes = plt.subplots(lines_of_panels, columns, squeeze=False,
                                figsize=(4.2 * columns, 3.3 * lines_of_panels))
    labels = {}
    for panel, test in zip(axes.flat, tests):
        for tool, (colour, marker) in TOOL_STYLES.items():
            points = sorted((row['n'], row['simulate_s'], int(row['threads']))
                            for row in measured if row['test'] == test and row['tool'] == tool)
            if points:
                line, = panel.plot([p[0] for p in points], [p[1] for p in points],
                                   marker=marker, color=colour)
                threads = max(p[2] for p in points)
                labels.setdefault(tool if 'thread' in tool else '%s (%d thread%s)' % (
                    tool, threads, 's' if threads > 1 else ''), line)
        panel.set_xscale('log')
        panel.set_yscale('log')
        panel.set_title(test, fontsize=9)
        panel.set_xlabel('N', fontsize=8)
        panel.set_ylabel('simulation time (s)', fontsize=8)
        panel.tick_params(labelsize=7)
        panel.grid(True, which='major', alpha=0.3)
    for panel in list(axes.flat)[len(tests):]:
        panel.set_visible(False)
    figure.suptitle("Brian2's speed tests: simulation time (wall) against size", fontsize=11)
    figure.legend(list(labels.values()), list(labels.keys()), loc='lower center',
                  ncol=len(labels), fontsize=8)
    figure.tight_layout(rect=(0, 0.05, 1, 1))
    temporary = path + '.partial' + os.path.splitext(path)[1]
    figure.savefig(temporary, dpi=90)
    os.replace(temporary, path)
    plt.close(figure)


NOTES = """\
Columns (medians over `reps` runs, each a fresh process; tools interleaved):
- *simulate*: wall time of the simulation loop. Spike Studio: the `simulate`
  figure of `spikestudio run` (steady clock). Brian2: CLOCK_MONOTONIC read
  just before and after the network's run inside the generated main().
- *simulate CPU*: CPU time of the same loop, which a busy machine inflates
  far less than wall time. Spike Studio: the process's CPU time (os.wait4)
  minus that of the same run for one step (0.1 ms). Brian2:
  CLOCK_PROCESS_CPUTIME_ID around the run, all threads (with OpenMP it
  includes the threads' busy waiting). Brian2's own timer (std::clock
  without OpenMP, omp_get_wtime with it) is in the CSV as brian2_timer_s.
- *whole process*: wall time of the whole `spikestudio run` process
  (reading, checking, connecting, code generation, loading the cached
  kernels, simulating), and of Brian2's `./main` (creating synapses, initial
  values, simulating, writing every array to results/). Brian2's code
  generation and `make` are not counted (the CSV has them, and the CPU times
  of the whole processes).
- *threads*: Spike Studio runs on one thread until its binary has
  `--threads`; Brian2 OpenMP runs at --threads.
- *ratios*: Spike Studio's figure divided by Brian2's (below 1: Spike Studio
  is faster); on the OpenMP row, OpenMP's simulate divided by one thread's.
- *spikes*: recorded by the test's SpikeMonitor (tests without one: blank).
  Brian2's tests set no seed, so its counts vary from run to run."""


def header_lines(args, versions, threads_option, budget_bytes, load_start):
    machine = speed_table.machine_lines(args.binary, versions, True)
    return [
        machine[0].replace('load average', 'load average (1 min)') + '  ',
        machine[1].split('; tiers')[0] + '; tier %s, %s.  ' % (
            args.tier, ('run --threads %d' % args.threads) if threads_option
            else 'no --threads option in this binary: one thread'),
        machine[2] + '  ',
        'Brian2 OpenMP threads: %d. Memory budget %.1f GB. Load average (1 min) at the start %.2f, '
        'at the end %.2f.  ' % (args.threads, budget_bytes / 2**30, load_start,
                                os.getloadavg()[0]),
        'Command: `%s`' % ' '.join(['/usr/bin/python3', 'bench/speed_table.py'] + sys.argv[1:] +
                                   ([] if '--speedtests' in sys.argv else ['--speedtests'])),
    ]


def render(rows, args, header):
    out = ["### Brian2's speed tests", '']
    out.extend(header)
    out.append('')
    out.extend(markdown_table(rows))
    out.append('')
    out.append(NOTES)
    print('\n'.join(out))
    if args.plot:
        plot(rows, args.plot)


# ---- main -----------------------------------------------------------------------

def measure(args):
    budget = args.memory_budget * 2**30 if args.memory_budget else default_memory_budget()
    sizes = plan(args, budget)
    if args.dry_run:
        print_plan(sizes, budget)
        return
    unavailable, versions = speed_table.brian2_availability()
    brian2_reason = unavailable['standalone'] or (
        'skipped (--skip brian2)' if 'brian2' in args.skip else None)
    threads_option = option_in_help(args.binary, '--threads')
    load_start = os.getloadavg()[0]
    log('speed tests: %d sizes; --threads in the binary: %s; Brian2: %s'
        % (len(sizes), threads_option, brian2_reason or 'cpp_standalone'))
    rows = []
    with tempfile.TemporaryDirectory(prefix='speedtests_') as scratch:
        cache_dir = os.path.join(scratch, 'kernel_cache')
        os.mkdir(cache_dir)
        for size in sizes:
            if size.skip:
                log('%s N=%d: %s' % (size.test.name, size.n, size.skip))
                rows.append(skipped_row(size))
                continue
            log('%s N=%d (%s)' % (size.test.name, size.n, datetime.datetime.now().strftime('%H:%M')))
            work = os.path.join(scratch, 'size')
            os.mkdir(work)
            try:
                runners = runners_for(args, size, work, cache_dir, threads_option, brian2_reason)
                rows.extend(measure_size(args, size, runners))
            finally:
                shutil.rmtree(work, ignore_errors=True)
            if args.csv:
                write_csv(rows, args.csv)
    header = header_lines(args, versions, threads_option, budget, load_start)
    if brian2_reason:
        header.insert(3, 'Brian2 not run: %s.  ' % brian2_reason)
    render(rows, args, header)


def main(argv):
    args = parse_arguments(argv)
    # a stopped run (kill) still removes its scratch directory
    signal.signal(signal.SIGTERM, lambda *_: sys.exit('speed_table.py --speedtests: stopped'))
    try:
        if args.from_csv:
            rows = read_csv(args.from_csv)
            render(rows, args, ['Rows from `%s`.' % args.from_csv])
        else:
            measure(args)
    except ValueError as error:
        sys.exit('speed_table.py --speedtests: %s' % error)
    except OSError as error:
        sys.exit('speed_table.py --speedtests: %s (%s)' % (error.filename or 'a file',
                                                            error.strerror))


if __name__ == '__main__':
    main(sys.argv[1:])
