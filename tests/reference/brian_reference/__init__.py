"""Spike Studio model files in Brian2: the reference the tests compare against.

    model = load_model(path)           the file as a dict, its shape checked
    network = build_network(model)     the Brian2 objects it describes, not run
    network.run()
    write_csv_files(network, outdir)   <monitor>.csv in Spike Studio's CSV contract

tests/reference/brian_ref.py is the command line built from these. The
model file reader is Spike Studio's Python package's (python/brian2spikestudio),
found in this source tree.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', '..',
                                'python'))

from .brian2_import import import_brian2
from .csv_files import recorded_variables, write_csv_files
from .errors import ModelFileError, describe_brian2_error
from .model_file import FORMAT_TAG, FORMAT_VERSION, check_model, load_model
from .network import BrianNetwork, build_network

__all__ = ['BrianNetwork', 'FORMAT_TAG', 'FORMAT_VERSION', 'ModelFileError', 'build_network',
           'check_model', 'describe_brian2_error', 'import_brian2', 'load_model',
           'recorded_variables', 'write_csv_files']
