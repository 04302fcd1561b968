#!/usr/bin/python3
"""Parallel efficiency of `spikestudio sweep`: the same sweep with --jobs 1 and
--jobs N, alternated in one invocation, whole processes, medians.

usage: /usr/bin/python3 bench/sweep_efficiency.py SPIKESTUDIO_BINARY [options]

  --model FILE     the model (default: resources/examples/cuba.json)
  --vary TEXT      the sweep (default: we=0.5*mV:2*mV:16, i.e. 16 CUBA variants)
  --duration EXPR  simulated time of every variant (default: 1*second)
  --jobs N         the parallel side (default: the number of cores)
  --tier TIER      passed through (default: auto)
  --reps N         repetitions of each side (default 3)

Efficiency = T(1 job) / (N x T(N jobs)): 100% when N workers are N times as
fast. Both sides write nothing (no --db, no --csv), so storage is not measured;
the kernel cache is warmed by one run first. Standard library only.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(command, environment):
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   env=environment)
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('binary')
    parser.add_argument('--model', default=os.path.join(REPO, 'resources/examples/cuba.json'))
    parser.add_argument('--vary', default='we=0.5*mV:2*mV:16')
    parser.add_argument('--duration', default='1*second')
    parser.add_argument('--jobs', type=int, default=os.cpu_count())
    parser.add_argument('--tier', default='auto')
    parser.add_argument('--reps', type=int, default=3)
    options = parser.parse_args()

    environment = dict(os.environ)
    cache = tempfile.mkdtemp(prefix='sweep-bench-cache-')
    os.chmod(cache, 0o700)
    environment.setdefault('SPIKESTUDIO_CACHE_DIR', cache)

    def sweep(jobs):
        return [options.binary, 'sweep', options.model, '--vary', options.vary, '--duration',
                options.duration, '--tier', options.tier, '--jobs', str(jobs)]

    # --tier native: compiled before the run, so the cache is warm (an auto
    # run this short would end, cancelling its compiler, before it is done).
    subprocess.run(sweep(1)[:5] + ['--duration', '1*ms', '--jobs', '1', '--tier', 'native'],
                   check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=environment)
    times = {1: [], options.jobs: []}
    for rep in range(options.reps):
        for jobs in (1, options.jobs):  # alternated, so load changes hit both sides
            seconds = timed(sweep(jobs), environment)
            times[jobs].append(seconds)
            print(f'rep {rep + 1}: --jobs {jobs}: {seconds:.2f} s', file=sys.stderr)
    one, many = statistics.median(times[1]), statistics.median(times[options.jobs])
    print(f'| sweep | --jobs 1 | --jobs {options.jobs} | speed-up | efficiency |')
    print('| --- | --- | --- | --- | --- |')
    print(f'| {options.vary}, {options.duration}, tier {options.tier} | {one:.2f} s | '
          f'{many:.2f} s | {one / many:.2f}x | {100 * one / (options.jobs * many):.0f}% |')
    print(f'\nmedians of {options.reps} whole processes each; {os.cpu_count()} cores')


if __name__ == '__main__':
    main()
