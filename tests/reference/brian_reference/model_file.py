"""Reading and checking a model file's shape: Spike Studio's Python package
(python/brian2spikestudio/model_file.py) does it, for the exporter and here."""
from brian2spikestudio.model_file import FORMAT_TAG, FORMAT_VERSION, check_model, load_model

__all__ = ['FORMAT_TAG', 'FORMAT_VERSION', 'check_model', 'load_model']
