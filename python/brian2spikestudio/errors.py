"""The one error an import gets: what cannot be carried over, and where."""


class ImportFailure(Exception):
    """A script that cannot be imported. `where` is "script.py:42" (or "" when
    no line applies); str() gives the one line the importer prints."""

    def __init__(self, where, problem):
        super().__init__('%s: %s' % (where, problem) if where else problem)
        self.where = where
        self.problem = problem


def unsupported(where, feature):
    """The failure for a Brian2 feature Spike Studio's model format cannot express yet."""
    return ImportFailure(where, '%s is not supported yet' % feature)
