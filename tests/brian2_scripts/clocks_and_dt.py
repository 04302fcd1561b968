"""
A smaller default time step, a group on a clock of its own, and a monitor
that records every millisecond.
"""
from brian2 import *

defaultclock.dt = 0.05*ms
tau = 8*ms

fast = NeuronGroup(4, 'dv/dt = (1.2 + 0.1*i - v)/tau : 1', threshold='v > 1',
                   reset='v = 0', method='exact', name='fast')
slow = NeuronGroup(4, 'dv/dt = (1.2 + 0.1*i - v)/tau : 1', threshold='v > 1',
                   reset='v = 0', method='exact', dt=0.2*ms, name='slow')

fast_spikes = SpikeMonitor(fast, name='fast_spikes')
slow_spikes = SpikeMonitor(slow, name='slow_spikes')
sampled = StateMonitor(fast, 'v', record=[0, 3], dt=1*ms, name='sampled')
slow_v = StateMonitor(slow, 'v', record=[1], name='slow_v')
run(60*ms)
