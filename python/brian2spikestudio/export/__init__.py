"""Spike Studio models as readable Brian2 scripts (docs/brian2-export.md).

    script = export_script(model, ExportOptions(device='runtime'))
    script.text, script.notes

`model` is a model file's dict with its shape checked (model_file.load_model).
One module per part: script (the sections in order), groups, synapses,
inputs (TimedArrays, PoissonInputs), monitors, plot, devices (the device
lines and what a device cannot do), expressions (model text checked to be
Brian2's expression language before it is written as Python), script_names
(Python names that shadow nothing), python_text (literals no text can break
out of). Needs no Brian2: the script needs it where it runs.
"""
from .script import ExportOptions, ExportedScript, export_script

__all__ = ['ExportOptions', 'ExportedScript', 'export_script']
