"""Exports a Spike Studio model as a readable Brian2 script.

usage: python3 -m brian2spikestudio.exporter MODEL.json -o SCRIPT.py
           [--device runtime|cpp_standalone|cuda_standalone|genn]
           [--duration EXPR] [--seed N]

MODEL.json is a model file (docs/model-format.md); SCRIPT.py is written
(replacing a file of that name only when complete) in the style of Brian2's
documentation, for Brian2's runtime device (numpy target, whose random
numbers Spike Studio reproduces), its C++ standalone device, brian2cuda or
brian2genn (docs/brian2-export.md). --duration and --seed replace the
model's, as they do for `spikestudio run`. Needs no Brian2 (the script needs
it where it runs). The model text is never run: expressions that become
Python are checked to be Brian2's expression language, all other text is
written as string literals.

Exit status 0 on success, with "note: " lines on stderr for what the chosen
device does not support; 1 with one line on stderr ("error: 'P', field 'N':
...") for a model or arguments that cannot be exported.
"""
import argparse
import os
import sys

from .atomic_file import CannotWrite, write_atomically
from .export import ExportOptions, export_script
from .export.devices import DEVICES
from .memory_limit import limit_memory
from .model_file import ModelFileError, load_model

LARGEST_SEED = 2**32 - 1


class ArgumentParser(argparse.ArgumentParser):
    """Bad arguments exit with status 1 and one line, like bad input."""

    def error(self, message):
        sys.exit('error: %s' % message)


def parse_arguments(argv):
    parser = ArgumentParser(prog='python3 -m brian2spikestudio.exporter',
                            description='Exports a Spike Studio model as a Brian2 script.')
    parser.add_argument('model', help='the model file (format version 1)')
    parser.add_argument('-o', dest='output', required=True, metavar='SCRIPT.py',
                        help='the script to write')
    parser.add_argument('--device', default='runtime', help=' | '.join(DEVICES))
    parser.add_argument('--duration', help="replaces the model's duration (an expression)")
    parser.add_argument('--seed', help="replaces the model's seed (0 to 4294967295)")
    return parser.parse_args(argv)


def seed_option(text):
    if text is None:
        return None
    if not text.isdigit() or int(text) > LARGEST_SEED:
        raise ModelFileError('command line', '--seed', 'the seed must be an integer from 0 to '
                             '%d' % LARGEST_SEED)
    return int(text)


def script_stem(output):
    """The script's name without .py: it names a standalone device's folder."""
    stem = os.path.splitext(os.path.basename(output))[0]
    return stem or 'model'


def export_file(model_path, output, device, duration, seed):
    """Writes the script; the notes for the user."""
    if os.path.exists(output) and os.path.samefile(output, model_path):
        raise ModelFileError('command line', '-o', 'the script would replace the model')
    options = ExportOptions(device, duration, seed_option(seed), script_stem(output))
    script = export_script(load_model(model_path), options)
    try:
        write_atomically(output, script.text)
    except CannotWrite as error:
        raise ModelFileError('command line', '-o', str(error))
    return script.notes


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    limit_memory()
    try:
        notes = export_file(args.model, args.output, args.device, args.duration, args.seed)
    except ModelFileError as error:
        sys.exit('error: %s: %s' % (args.model, error))
    except (RecursionError, MemoryError) as error:
        sys.exit('error: %s: the model is too %s to export' % (
            args.model, 'deeply nested' if isinstance(error, RecursionError) else 'large'))
    except Exception as error:  # a case the exporter does not know: say so, never a traceback
        lines = str(error).strip().splitlines()
        sys.exit('error: %s: the exporter failed (%s%s); please report it' % (
            args.model, type(error).__name__, ': ' + lines[0] if lines else ''))
    for note in notes:
        print('note: %s' % note, file=sys.stderr)


if __name__ == '__main__':
    main()
