"""A script as a user writes it for the spikestudio device (run by
tst_brian2_device in a temporary folder): the monitors' data are read through
Brian2 as after a standalone run, with units, the run is recorded in a
project, and run(profile=True) fills Network.profiling_info. Prints one line per fact checked, 'ok' when all hold."""
import builtins

from brian2 import *
import brian2spikestudio

set_device('spikestudio', project='runs.spikestudio', tier='tcc')

tau = 10*ms
G = NeuronGroup(4, 'dv/dt = (drive - v)/tau : volt\ndrive : volt (constant)',
                threshold='v > 10*mV', reset='v = 0*mV', refractory=2*ms, method='exact',
                name='G')
G.drive = '11*mV + i*2*mV'
spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, 'v', record=[0, 3], name='trace')
rate = PopulationRateMonitor(G, name='rate')
run(50*ms, profile=True)
profile = dict(magic_network.profiling_info)

checks = {
    'spikes': spikes.num_spikes > 0 and len(spikes.i) == spikes.num_spikes == len(spikes.t),
    'count': list(spikes.count[:]) == list(np.bincount(spikes.i, minlength=4)),
    'spike times in seconds': spikes.t.dim == second.dim,
    'trace shape': trace.v.shape == (2, 500) and len(trace.t) == 500,
    'trace in volt': trace.v.dim == volt.dim and trace[3].v.dim == volt.dim,
    'trace starts at rest': float(trace.v[0][0]) == 0.0,
    'rate': len(rate.rate) == 500 and rate.rate.dim == Hz.dim,
    'smooth rate': len(rate.smooth_rate(window='flat', width=2*ms)) == 500,
    'spike trains': sorted(spikes.spike_trains()) == [0, 1, 2, 3],
    'time moved on': abs(defaultclock.t_ - 0.05) < 1e-12,
    'simulation time reported': 0 < device._last_run_time < 60
                                and device._last_run_completed_fraction == 1.0,
    'profiling info': ({'G_stateupdater', 'G_spike_thresholder', 'G_spike_resetter',
                        'spikes', 'trace', 'rate'} <= set(profile)
                       and builtins.all(t.dim == second.dim and t >= 0*second
                                        for t in profile.values())
                       and profile['G_stateupdater'] > 0*second),
    'profiling summary': 'G_stateupdater' in str(profiling_summary()),
}
for fact, holds in checks.items():
    print('%s: %s' % (fact, 'ok' if holds else 'FAILED'))
print('spikes of the fastest neuron:', spikes.count[3])
print('ok' if builtins.all(checks.values()) else 'FAILED')  # not numpy's all
