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
on stderr ("error: script.py:42: subgroup P[0:3200] ... is not supported
yet") when the script cannot be imported. Lines starting with "note: " say
where the imported model's random numbers will differ from Brian2's.
"""
import argparse
import json
import os
import resource
import sys
import tempfile
import warnings

from .errors import ImportFailure
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


def write_atomically(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    try:
        handle, temporary = tempfile.mkstemp(prefix='.' + os.path.basename(path) + '.',
                                             dir=directory)
    except OSError as error:
        raise ImportFailure('', 'cannot write %s (%s)' % (path, error.strerror))
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(handle, 0o666 & ~umask)  # as open() would create it, not mkstemp's 0600
        with os.fdopen(handle, 'w', encoding='utf-8') as output:
            output.write(text)
        os.replace(temporary, path)
    except OSError as error:
        os.unlink(temporary)
        raise ImportFailure('', 'cannot write %s (%s)' % (path, error.strerror))


def limit_memory():
    """The capture builds the network's arrays as Brian2 would (synapses
    included): a script that needs more than three quarters of the machine's
    memory gets a MemoryError, reported like any other, rather than exhausting
    the machine. RLIMIT_DATA counts what the process allocates, not its
    reserved address space."""
    try:
        most = os.sysconf('SC_PHYS_PAGES') * os.sysconf('SC_PAGE_SIZE') * 3 // 4
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if soft == resource.RLIM_INFINITY or soft > most:
            resource.setrlimit(resource.RLIMIT_DATA,
                               (most if hard == resource.RLIM_INFINITY else min(most, hard), hard))
    except (ValueError, OSError):
        pass  # no limit where the system gives none


def import_script(script, output):
    """Imports `script` into the model file `output`; the notes for the user."""
    source = ScriptSource(script)
    if os.path.exists(output) and os.path.samefile(output, source.path):
        raise ImportFailure('', 'the output %s is the script itself' % output)
    limit_memory()
    import_brian2()
    from .translate import translate
    translation = translate(capture(source))
    write_atomically(output, json.dumps(translation.model, indent=2, allow_nan=False) + '\n')
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
