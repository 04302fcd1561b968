"""Reading and checking a model file's shape: Spike Studio's Python package
(python/brian2spikestudio/model_file.py) does it, for the exporter and here."""
from brian2spikestudio.model_file import (FORMAT_TAG, FORMAT_VERSION,  # noqa: F401
                                          check_model, load_model)
