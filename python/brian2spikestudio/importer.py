"""Imports a Brian2 script as a Spike Studio model.

usage: python3 -m brian2spikestudio.importer SCRIPT.py -o MODEL.json

Importing RUNS THE SCRIPT'S PYTHON CODE, as `python3 SCRIPT.py` would (in
its own directory, with its own __file__ and sys.argv): import only scripts
you would run. Brian2 is put into a capturing mode first, so the script's
run() calls record the network instead of simulating it; what the script
prints is dropped, and figures go to matplotlib's Agg backend (no window).
Whatever else the script does (writing files, say) happens as usual.

The model (docs/model-format.md) is written to MODEL.json, replacing a file
of that name only when complete. Exit status 0 on success; 1 with one line
on stderr ("error: script.py:42: run_regularly on NeuronGroup 'G' is not
supported yet") when the script cannot be imported. Lines starting with "note: " say
where the imported model's random numbers will differ from Brian2's.
"""
import argparse
import json
import os
import sys
import warnings

from .atomic_file import CannotWrite, write_atomically
from .errors import ImportFailure
from .memory_limit import limit_memory
from .script_runner import ScriptRaised, ScriptSource, run_script

INSTALL_HINT = 'Brian2 is not installed for %s (on Debian: apt-get install python3-brian)'
RANDOM_NOTE_END = ("; the imported model's random numbers will differ from Brian2's "
                   '(their statistics will not)')


class ArgumentParser(argparse.ArgumentParser):
    """Bad arguments exit with status 1 and one line, like bad input."""

    def error(self, message):
        sys.exit('error: %s' % message)


def parse_arguments(argv):
    parser = ArgumentParser(
        prog='python3 -m brian2spikestudio.importer',
        description='Imports a Brian2 script as a Spike Studio model. Importing runs the '
                    "script's Python code: import only scripts you would run.")
    parser.add_argument('script', help='the Brian2 script (it is run; "--" before it if its '
                                       'name starts with "-")')
    parser.add_argument('-o', dest='output', required=True, metavar='MODEL.json',
                        help='the model file to write')
    return parser.parse_args(argv)


def import_brian2():
    """Brian2, imported quietly and quickly: without its dependencies' warnings,
    without Cython (the capture never compiles; importing it takes longer than
    the rest of Brian2), and without Brian2's log files in the temp folder."""
    blocked = 'Cython' not in sys.modules
    if blocked:
        sys.modules['Cython'] = None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            import brian2
    except ImportError:
        raise ImportFailure('', INSTALL_HINT % sys.executable)
    finally:
        if blocked:
            del sys.modules['Cython']
    remove_brian2_log_files()
    return brian2


def remove_brian2_log_files():
    from brian2.utils.logger import BrianLogger
    import logging
    if BrianLogger.file_handler is not None:
        logging.getLogger('brian2').removeHandler(BrianLogger.file_handler)
        logging.getLogger('py.warnings').removeHandler(BrianLogger.file_handler)
        BrianLogger.file_handler.close()
        BrianLogger.file_handler = None
    for attribute in ('tmp_log', 'tmp_script'):
        path = getattr(BrianLogger, attribute, None)
        if path is not None:
            try:
                os.remove(path)
            except OSError:
                pass
            setattr(BrianLogger, attribute, None)


def capture(source):
    """Runs the script under the capturing device; its Recording."""
    from .capture import capturing
    from .recording import ScriptLocator
    with capturing(ScriptLocator(source.path, source.display)) as recording:
        try:
            run_script(source)
        except ScriptRaised as failure:
            runs = recording.runs()
            if runs:
                raise ImportFailure(failure.where, '%s after run() at %s (an import does not '
                                    'simulate, so monitors hold no data)'
                                    % (failure.problem, runs[-1].where))
            raise
    return recording


def import_script(script, output):
    """Imports `script` into the model file `output`; the notes for the user."""
    source = ScriptSource(script)
    if os.path.exists(output) and os.path.samefile(output, source.path):
        raise ImportFailure('', 'the output %s is the script itself' % output)
    limit_memory()
    import_brian2()
    from .translate import translate
    translation = translate(capture(source))
    try:
        write_atomically(output, json.dumps(translation.model, indent=2, allow_nan=False) + '\n')
    except CannotWrite as error:
        raise ImportFailure('', str(error))
    return translation.notes


def main(argv=None):
    args = parse_arguments(sys.argv[1:] if argv is None else argv)
    try:
        notes = import_script(args.script, args.output)
    except ImportFailure as failure:
        sys.exit('error: %s' % failure)
    except RecursionError:
        sys.exit('error: %s: nested too deeply to import' % args.script)
    except Exception as error:  # a case the importer does not know: say so, never a traceback
        lines = str(error).strip().splitlines()
        sys.exit('error: %s: the importer failed (%s%s)' % (
            args.script, type(error).__name__, ': ' + lines[0] if lines else ''))
    for note in notes:
        print('note: %s%s' % (note, RANDOM_NOTE_END), file=sys.stderr)


if __name__ == '__main__':
    main()
