"""Running a user's script as `python3 SCRIPT.py` would: as `__main__`, in
its own directory, with its own `__file__` and `sys.argv`, its directory
first on the import path. What it prints is dropped, it reads nothing (its
standard input is empty), and figures go to matplotlib's Agg backend with a
show() that does nothing (quiet_backend.py): no window opens."""
import contextlib
import os
import sys
import types

from .errors import ImportFailure

QUIET_BACKEND = 'module://brian2spikestudio.quiet_backend'


class ScriptSource:
    """A script read and compiled, not yet run."""

    def __init__(self, path):
        self.display = path
        self.path = os.path.abspath(path)
        try:
            with open(self.path, 'rb') as script:
                source = script.read()
        except OSError as error:
            raise ImportFailure('', 'cannot read %s (%s)' % (path, error.strerror))
        try:
            self.code = compile(source, self.path, 'exec', dont_inherit=True)
        except SyntaxError as error:
            where = '%s:%d' % (path, error.lineno) if error.lineno else path
            raise ImportFailure(where, 'syntax error: %s' % error.msg)
        except ValueError as error:  # e.g. NUL bytes
            raise ImportFailure(path, 'cannot compile the script (%s)' % error)


class ScriptRaised(ImportFailure):
    """The script itself raised an exception (not the importer refusing something)."""


def raised_at(error, source):
    """The script line where `error` was raised (its innermost frame in the script)."""
    line, traceback = None, error.__traceback__
    while traceback is not None:
        if traceback.tb_frame.f_code.co_filename == source.path:
            line = traceback.tb_lineno
        traceback = traceback.tb_next
    return '%s:%d' % (source.display, line) if line else source.display


def describe_error(error):
    """The last line of a traceback: the type and first line of the message,
    of the original error when Brian2 wrapped it (BrianObjectException)."""
    if getattr(error, '_brian_objname', None) and error.__cause__ is not None:
        error = error.__cause__
    lines = str(error).strip().splitlines()
    return '%s: %s' % (type(error).__name__, lines[0]) if lines else type(error).__name__


@contextlib.contextmanager
def script_environment(source):
    """The process as the script expects it, restored afterwards."""
    saved = (os.getcwd(), sys.argv, list(sys.path), sys.modules.get('__main__'),
             sys.stdin, sys.stdout, sys.stderr, os.environ.get('MPLBACKEND'))
    module = types.ModuleType('__main__')
    module.__file__ = source.path
    module.__builtins__ = __builtins__
    with open(os.devnull, 'r') as nothing_in, open(os.devnull, 'w') as nothing_out:
        os.chdir(os.path.dirname(source.path))
        sys.argv = [source.display]
        sys.path.insert(0, os.path.dirname(source.path))
        sys.modules['__main__'] = module
        sys.stdin, sys.stdout, sys.stderr = nothing_in, nothing_out, nothing_out
        os.environ['MPLBACKEND'] = QUIET_BACKEND
        use_quiet_backend_if_loaded()
        try:
            with silenced_descriptors(), quiet_brian2_console():
                yield module
        finally:
            cwd, sys.argv, sys.path[:], main, sys.stdin, sys.stdout, sys.stderr, backend = saved
            os.chdir(cwd)
            sys.modules['__main__'] = main
            if backend is None:
                os.environ.pop('MPLBACKEND', None)
            else:
                os.environ['MPLBACKEND'] = backend


def use_quiet_backend_if_loaded():
    """MPLBACKEND only counts before matplotlib is imported; Brian2 may have
    imported it already."""
    matplotlib = sys.modules.get('matplotlib')
    if matplotlib is not None:
        try:
            matplotlib.use(QUIET_BACKEND, force=True)
        except Exception:  # a broken matplotlib is the script's to meet
            pass


@contextlib.contextmanager
def silenced_descriptors():
    """What the script (or a library it calls) writes to file descriptors 1 and
    2 directly goes nowhere too; the importer's own messages come after."""
    sys.stdout.flush()
    sys.stderr.flush()
    saved = [os.dup(fd) for fd in (1, 2)]
    nothing = os.open(os.devnull, os.O_WRONLY)
    try:
        for fd in (1, 2):
            os.dup2(nothing, fd)
        yield
    finally:
        for fd, copy in zip((1, 2), saved):
            os.dup2(copy, fd)
            os.close(copy)
        os.close(nothing)


@contextlib.contextmanager
def quiet_brian2_console():
    """Brian2's log messages (warnings about the script) are not the importer's output."""
    from brian2.utils.logger import BrianLogger
    handler = BrianLogger.console_handler
    level = handler.level if handler is not None else None
    if handler is not None:
        handler.setLevel(100)  # above CRITICAL
    try:
        yield
    finally:
        if handler is not None:
            handler.setLevel(level)


def run_script(source):
    """Runs the compiled script; ImportFailure naming the script line if it raises.
    `sys.exit()` with status 0 ends it normally."""
    with script_environment(source) as module:
        try:
            exec(source.code, module.__dict__)
        except SystemExit as stop:
            if stop.code not in (None, 0):
                raise ScriptRaised(raised_at(stop, source),
                                   'the script exited with status %s' % (stop.code,))
        except ImportFailure:
            raise
        except Exception as error:
            raise ScriptRaised(raised_at(error, source),
                               'the script raised %s' % describe_error(error))
