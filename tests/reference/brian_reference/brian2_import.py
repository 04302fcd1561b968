"""Brian2, imported when first needed."""
import warnings


def import_brian2():
    """The brian2 module. Reading and checking a model file needs none of it, so
    it is imported on first use, without the FutureWarnings and
    DeprecationWarnings its dependencies print while being imported."""
    with warnings.catch_warnings():
        warnings.simplefilter('ignore', FutureWarning)
        warnings.simplefilter('ignore', DeprecationWarning)
        import brian2
    return brian2
