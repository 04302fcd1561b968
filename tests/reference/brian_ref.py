#!/usr/bin/python3
"""Runs a Spike Studio model file in Brian2 and writes the CSV files that
`spikestudio run MODEL --csv OUTDIR` writes for it: the reference data the
tests compare Spike Studio against.

usage: brian_ref.py MODEL.json OUTDIR [--duration EXPR] [--seed N]
                    [--target numpy|cython] [--standalone BUILD_DIR]

MODEL.json is a model file, format version 1 (docs/model-format.md), with
every field Spike Studio reads, `timed_arrays` and `poisson_inputs` included.
OUTDIR receives one `<monitor>.csv` per monitor in the CSV contract of
docs/model-format.md. --duration and --seed replace the model's, as they do
for `spikestudio run`. The default target is numpy, whose random numbers
Spike Studio reproduces, except for a model with a GSL method (gsl_*),
which Brian2 integrates only in compiled code: cython then, compiled
without -ffast-math and fused multiply-adds, so that its arithmetic is
numpy's;
--standalone generates, compiles and runs a cpp_standalone project in
BUILD_DIR instead.

Needs Debian's python3-brian (Brian2 2.5), run by /usr/bin/python3, and a
writable HOME (Brian2 keeps its preferences and caches there).

Bad input gets one line on stderr naming the object and the field, exit
status 1, and no CSV file. The work is done by the brian_reference package
next to this script (also imported by bench/brian2_phases.py and
bench/brian2_standalone_time.py): load_model, build_network,
BrianNetwork.run, write_csv_files.
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True  # leave no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from brian_reference import (ModelFileError, build_network,  # noqa: E402
                             describe_brian2_error, import_brian2, load_model,
                             write_csv_files)


def use_target(target, standalone_dir):
    brian2 = import_brian2()
    if standalone_dir:
        brian2.set_device('cpp_standalone', directory=standalone_dir)
    else:
        brian2.prefs.codegen.target = target
    if target == 'cython':
        # Plain IEEE arithmetic, as numpy does it: no -ffast-math, no fused
        # multiply-adds (Brian2's default flags allow both).
        brian2.prefs.codegen.cpp.extra_compile_args_gcc = ['-w', '-O3', '-ffp-contract=off']


class ArgumentParser(argparse.ArgumentParser):
    """Bad arguments exit with status 1, like bad input (argparse's own is 2)."""

    def error(self, message):
        self.print_usage(sys.stderr)
        sys.exit('%s: %s' % (self.prog, message))


def parse_arguments(argv):
    parser = ArgumentParser(prog='brian_ref.py', description=__doc__.split('\n')[0])
    parser.add_argument('model', help='a model file (format version 1)')
    parser.add_argument('outdir', help='where <monitor>.csv files are written')
    parser.add_argument('--duration', help="replaces the model's duration (an expression)")
    parser.add_argument('--seed', type=int, help="replaces the model's seed")
    parser.add_argument('--target', choices=('numpy', 'cython'),
                        help='numpy, or cython for a model with a GSL method')
    parser.add_argument('--standalone', metavar='BUILD_DIR',
                        help='build and run a cpp_standalone project in BUILD_DIR')
    args = parser.parse_args(argv)
    if args.seed is not None and not 0 <= args.seed < 2**32:
        parser.error('--seed must be an integer from 0 to 4294967295')
    return args


def default_target(model):
    """numpy, or cython when a group uses a GSL method (numpy cannot run one)."""
    uses_gsl = any(str(group.get('method', '')).startswith('gsl')
                   for group in model.get('groups', []))
    return 'cython' if uses_gsl else 'numpy'


def run_model(args):
    """Reads, builds, runs and writes; ModelFileError for anything wrong."""
    model = load_model(args.model)
    use_target(args.target or default_target(model), args.standalone)
    network = build_network(model, args.duration, args.seed)
    try:
        network.run()
    except Exception as error:  # Brian2 refuses some models only when it runs them
        raise ModelFileError('', '', 'Brian2 could not run the model: '
                             + describe_brian2_error(error))
    try:
        write_csv_files(network, args.outdir)
    except OSError as error:
        raise ModelFileError('', '', 'cannot write %s (%s)' % (args.outdir, error.strerror))


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        run_model(args)
    except ModelFileError as error:
        sys.exit('brian_ref.py: %s: %s' % (args.model, error))


if __name__ == '__main__':
    main()
