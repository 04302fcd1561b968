"""Filling Brian2's monitors with what Spike Studio recorded, through
Brian2's device API (resize and set_value of the monitors' variables), as a
standalone device fills them after its run. The files follow the CSV
contract of docs/model-format.md: SI values, one file per monitor."""
import os
import warnings

import numpy as np
from brian2.monitors.ratemonitor import PopulationRateMonitor
from brian2.monitors.spikemonitor import EventMonitor, SpikeMonitor
from brian2.monitors.statemonitor import StateMonitor

from .errors import ImportFailure


def read_table(path, monitor):
    """The numbers of a monitor's CSV file as rows × columns, and its header."""
    try:
        with open(path, encoding='utf-8') as f:
            header = f.readline().rstrip('\r\n').split(',')
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')  # an empty table is fine
                values = np.loadtxt(f, delimiter=',', ndmin=2, dtype=float)
    except (OSError, ValueError) as error:
        raise ImportFailure('', "cannot read what %s '%s' recorded (%s)"
                            % (type(monitor).__name__, monitor.name, error))
    if values.size == 0:
        values = np.zeros((0, len(header)))
    if values.shape[1] != len(header):
        raise ImportFailure('', "what %s '%s' recorded has %d columns, expected %d"
                            % (type(monitor).__name__, monitor.name, values.shape[1],
                               len(header)))
    return values, header


def fill_spike_monitor(monitor, values, header):
    if header == ['i', 'count']:  # record=False: the counts alone
        counts = values[:, 1].astype(np.int32)
        monitor.variables['count'].set_value(counts)
        monitor.resize(int(counts.sum()))  # Brian2's N (num_spikes) counts them all
        monitor.variables['N'].set_value(int(counts.sum()))
        return
    indices = values[:, 0].astype(np.int32)
    monitor.resize(len(indices))
    if 'i' in monitor.variables:  # record=False with variables keeps no i and t
        monitor.variables['i'].set_value(indices)
        monitor.variables['t'].set_value(values[:, 1])
    monitor.variables['N'].set_value(len(indices))
    monitor.variables['count'].set_value(
        np.bincount(indices, minlength=len(monitor.source)).astype(np.int32))
    # Recorded variables follow i and t in the order the importer wrote them.
    for k, name in enumerate(sorted(set(monitor.record_variables) - {'i', 't'})):
        variable = monitor.variables[name]
        variable.set_value(values[:, 2 + k].astype(variable.dtype))


def fill_state_monitor(monitor, values, header):
    steps, width = len(values), monitor.n_indices
    expected = 1 + width * len(monitor.record_variables)
    if values.shape[1] != expected:
        raise ImportFailure('', "StateMonitor '%s' recorded %d columns, expected %d"
                            % (monitor.name, values.shape[1], expected))
    monitor.resize(steps)
    monitor.variables['t'].set_value(values[:, 0])
    for k, name in enumerate(monitor.record_variables):
        columns = values[:, 1 + k * width:1 + (k + 1) * width]
        variable = monitor.recorded_variables[name]
        monitor.variables[variable.name].set_value(columns.astype(variable.dtype))


def fill_rate_monitor(monitor, values, header):
    monitor.resize(len(values))
    monitor.variables['t'].set_value(values[:, 0])
    monitor.variables['rate'].set_value(values[:, 1])
    monitor.variables['N'].set_value(len(values))


FILLERS = {SpikeMonitor: fill_spike_monitor, EventMonitor: fill_spike_monitor,
           StateMonitor: fill_state_monitor,
           PopulationRateMonitor: fill_rate_monitor}


def fill_monitors(objects, csv_dir):
    """Fills every monitor among `objects` from CSV_DIR/<name>.csv."""
    for obj in objects:
        fill = FILLERS.get(type(obj))
        if fill is not None:
            fill(obj, *read_table(os.path.join(csv_dir, obj.name + '.csv'), obj))
