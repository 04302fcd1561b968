"""Spike Studio's CSV contract (docs/model-format.md) written from the monitors
of a Brian2 network that has run: one `<monitor>.csv` per monitor, SI values,
units in the header, doubles that read back exactly."""
import csv
import os

import numpy as np

from .brian2_import import import_brian2


def number(value):
    """Shortest text that reads back as the same double."""
    return repr(float(value))


def spike_table(spec, monitor):
    times, indices = np.asarray(monitor.t_), np.asarray(monitor.i)
    order = np.lexsort((indices, times))  # by time, then index
    return ['i', 't [s]'], ([int(indices[k]), number(times[k])] for k in order)


def unit_suffix(dim):
    brian2 = import_brian2()
    return '' if dim.is_dimensionless else ' [%s]' % brian2.get_unit(dim)


def recorded_variables(monitor):
    """A monitor's variables in the order of its CSV columns: a StateMonitor's
    as given; an event monitor's (a set in Brian2) sorted, without i and t,
    as the importer writes them."""
    variables = getattr(monitor, 'record_variables', [])
    if isinstance(variables, (set, frozenset)):
        return sorted(set(variables) - {'i', 't'})
    return list(variables)


def count_table(monitor):
    """A monitor with record=False: each neuron's index and event count."""
    return ['i', 'count'], ([k, int(c)] for k, c in enumerate(np.asarray(monitor.count)))


def event_table(spec, monitor):
    """Like spike_table, then each recorded variable's value at the event."""
    if getattr(monitor, 'record', True) is False:
        return count_table(monitor)
    variables = spec.get('variables', [])
    header, rows = spike_table(spec, monitor)
    header += ['%s%s' % (v, unit_suffix(monitor.source.variables[v].dim)) for v in variables]
    times, indices = np.asarray(monitor.t_), np.asarray(monitor.i)
    values = [np.asarray(getattr(monitor, v + '_')) for v in variables]
    order = np.lexsort((indices, times))
    return header, ([int(indices[k]), number(times[k])] + [number(c[k]) for c in values]
                    for k in order)


def state_table(spec, monitor):
    brian2 = import_brian2()
    header, columns = ['t [s]'], []
    for variable in spec['variables']:
        dim = monitor.source.variables[variable].dim
        unit = '' if dim.is_dimensionless else ' [%s]' % brian2.get_unit(dim)
        values = getattr(monitor, variable + '_')  # SI values, one row per recorded index
        for row, index in enumerate(monitor.record):
            header.append('%s[%d]%s' % (variable, index, unit))
            columns.append(values[row])
    times = monitor.t_
    return header, ([number(times[k])] + [number(c[k]) for c in columns]
                    for k in range(len(times)))


def rate_table(spec, monitor):
    return ['t [s]', 'rate [Hz]'], ([number(t), number(r)]
                                    for t, r in zip(monitor.t_, monitor.rate_))


CSV_TABLES = {'SpikeMonitor': event_table, 'StateMonitor': state_table,
              'PopulationRateMonitor': rate_table, 'EventMonitor': event_table}


def write_csv_files(network, outdir):
    """OUTDIR/<monitor>.csv for every monitor of a network that has run. Each
    file is written under a temporary name; all are renamed once all are complete."""
    os.makedirs(outdir, exist_ok=True)
    written = []
    try:
        for spec, monitor in network.monitors:
            path = os.path.join(outdir, spec['name'] + '.csv')
            with open(path + '.partial', 'w', newline='') as f:
                written.append(path)
                writer = csv.writer(f)  # RFC 4180 line ends, as the committed references
                header, rows = CSV_TABLES[spec['type']](spec, monitor)
                writer.writerow(header)
                writer.writerows(rows)
    except BaseException:
        for path in written:
            if os.path.exists(path + '.partial'):
                os.remove(path + '.partial')
        raise
    for path in written:
        os.replace(path + '.partial', path)
