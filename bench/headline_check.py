#!/usr/bin/python3
"""Whole processes side by side: `spikestudio run` against Brian2's `./main`.

usage: HOME=/tmp/somewhere /usr/bin/python3 bench/headline_check.py SPIKESTUDIO
           [--models cuba,cobahh] [--reps 7]

For each model (resources/examples/MODEL.json) Brian2 generates and compiles
its cpp_standalone project once (through tests/reference/brian_ref.py, as
bench/brian2_standalone_time.py does; not timed). Then, alternating, in one
invocation:
  - Spike Studio: `spikestudio run MODEL --tier native --csv DIR` as a whole
    process (start, reading the model, the warm kernel cache, synapses,
    simulation, writing the CSVs), with its default threads (one per core)
    and with `--threads 1`;
  - Brian2: its compiled `./main` as a whole process (start, synapses,
    initial values, simulation, writing results: Brian2's own `run_binary`
    timer), single-threaded as Brian2 builds it by default.
One untimed Spike Studio run first fills the kernel cache. Prints a Markdown
table of the medians and their ratios; progress on stderr.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree

import brian2_standalone_time  # noqa: E402

EXAMPLES = os.path.join(os.path.dirname(HERE), 'resources', 'examples')


def log(message):
    print(message, file=sys.stderr, flush=True)


def spike_studio_seconds(binary, model, csv_dir, threads):
    command = [binary, 'run', model, '--tier', 'native', '--csv', csv_dir]
    if threads:
        command += ['--threads', str(threads)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f'error: {" ".join(command)}: {result.stderr.strip()[:300]}')
    return seconds


def measure(binary, name, reps, scratch):
    model = os.path.join(EXAMPLES, f'{name}.json')
    csv_dir = os.path.join(scratch, f'{name}-csv')
    log(f'{name}: Brian2 generates and compiles its project')
    brian2_standalone_time.build_and_run_once(model, os.path.join(scratch, f'{name}-project'),
                                              os.path.join(scratch, f'{name}-out'))
    import brian2
    device = brian2.get_device()
    spike_studio_seconds(binary, model, csv_dir, None)  # fills the kernel cache
    times = {'default': [], 'one': [], 'brian2': []}
    for rep in range(reps):
        log(f'{name}: run {rep + 1} of {reps}')
        times['default'].append(spike_studio_seconds(binary, model, csv_dir, None))
        times['one'].append(spike_studio_seconds(binary, model, csv_dir, 1))
        times['brian2'].append(brian2_standalone_time.rerun_binary(device)[0])
    brian2.device.reinit()
    brian2.set_device('runtime')
    return {key: statistics.median(values) for key, values in times.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--models', default='cuba,cobahh')
    parser.add_argument('--reps', type=int, default=7)
    options = parser.parse_args()
    if options.reps < 1:
        sys.exit('error: --reps must be at least 1')
    binary = os.path.abspath(options.binary)
    rows = []
    with tempfile.TemporaryDirectory(prefix='headline_check_') as scratch:
        os.environ['HOME'] = scratch
        for name in options.models.split(','):
            rows.append((name, measure(binary, name, options.reps, scratch)))
    print(f'Whole processes, medians of {options.reps}, alternated; load average at the end '
          f'{os.getloadavg()[0]:.2f}.\n')
    print('| model | Spike Studio, one per core | Spike Studio, 1 thread | Brian2 ./main | '
          'ratio (one per core) | ratio (1 thread) |')
    print('| --- | ---: | ---: | ---: | ---: | ---: |')
    for name, t in rows:
        print(f'| {name} | {t["default"]:.3f} s | {t["one"]:.3f} s | {t["brian2"]:.3f} s | '
              f'{t["default"] / t["brian2"]:.2f} | {t["one"] / t["brian2"]:.2f} |')


if __name__ == '__main__':
    main()
