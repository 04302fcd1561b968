"""Spike Studio's bridge to Brian2.

    python3 -m brian2spikestudio.importer SCRIPT.py -o MODEL.json

runs an unmodified Brian2 script under a capturing device that records the
network instead of simulating it, and translates what it recorded into a Spike
Studio model (docs/brian2-import.md). Importing runs the script's Python code.

Modules: importer (the command line), script_runner (runs the script in its
own directory), capture (the Brian2 device that records), recording (what it
records), translate (recording -> model, one function per kind of Brian2
object, in groups, synapses, inputs and monitors), names (external names
resolved to constants and TimedArrays), initial_values, random_order,
quantities and equations_text (exact model text for Brian2 values).

    python3 -m brian2spikestudio.exporter MODEL.json -o SCRIPT.py [--device ...]

writes a model as a readable Brian2 script (docs/brian2-export.md), without
needing Brian2: exporter (the command line), export (the script, one module
per part), model_file (reading and checking a model file's shape; also used
by tests/reference/brian_ref.py). Shared: atomic_file, memory_limit.

    from brian2 import *
    import brian2spikestudio
    set_device('spikestudio')

runs a script's networks with Spike Studio (docs/brian2-device.md): device
(the Brian2 device, registered as 'spikestudio' when this package is
imported after Brian2, or when brian2spikestudio.device is imported),
spikestudio_program (finding and running the program), monitor_results
(monitors filled from its CSV files), caller_locator (lines in messages).
"""
import sys as _sys

if 'brian2' in _sys.modules:  # the importer and exporter start without Brian2: no cost for them
    from . import device as _device  # noqa: F401 (registers the device)
