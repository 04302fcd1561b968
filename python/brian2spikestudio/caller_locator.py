"""Where a call into Brian2 came from when no single script is known (the
spikestudio device runs inside the user's own process: a script, a notebook,
a test suite): the innermost line outside Brian2 and this package."""
import os
import re
import sys

import brian2

BRIAN2_DIRECTORY = os.path.dirname(os.path.abspath(brian2.__file__)) + os.sep
IGNORED_DIRECTORIES = (BRIAN2_DIRECTORY, os.path.dirname(os.path.abspath(__file__)) + os.sep)
BRIAN2_TESTS = os.path.join(BRIAN2_DIRECTORY, 'tests') + os.sep  # users' code, for Brian2
STACK_ENTRY = re.compile(r"File '(.*)', line (\d+),")


def is_user_file(filename):
    path = os.path.abspath(filename)
    return path.startswith(BRIAN2_TESTS) or not path.startswith(IGNORED_DIRECTORIES)


def main_script_name():
    """The running script's file name ("net.py"), or a general one."""
    path = getattr(sys.modules.get('__main__'), '__file__', None)
    return os.path.basename(path) if path else 'brian2 script'


class CallerLocator:
    """The locator interface of recording.ScriptLocator (display, here,
    creation_of) for code anywhere in the user's process."""

    def __init__(self):
        self.display = main_script_name()

    @staticmethod
    def at(filename, line):
        return '%s:%d' % (os.path.basename(filename), line)

    def here(self):
        """The innermost user line in the current call stack."""
        frame = sys._getframe(1)
        while frame is not None:
            if is_user_file(frame.f_code.co_filename):
                return self.at(frame.f_code.co_filename, frame.f_lineno)
            frame = frame.f_back
        return self.display

    def creation_of(self, obj):
        """The user line that created a Brian2 object (Brian2 keeps its
        creation stack without Brian2's own frames)."""
        stack = getattr(obj, '_full_creation_stack', '')
        entries = [(name, int(line)) for name, line in STACK_ENTRY.findall(stack)
                   if is_user_file(name)]
        return self.at(*entries[-1]) if entries else self.display
