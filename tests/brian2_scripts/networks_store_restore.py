"""
store() once, then restore(), change a value and run, in a loop: the
pattern Brian2's documentation gives for running one network with several
parameter values. Each restore() brings back the state stored at t = 0
(values and monitors); the networks differ only in the drive and in the
constant gain, so the import is one model and a sweep over both.
"""
from brian2 import *

tau = 8*ms
G = NeuronGroup(5, '''dv/dt = (gain*drive - v)/tau : 1
                      drive : 1''',
                threshold='v > 0.8', reset='v = 0', method='exact', name='G')
G.v = 'i*0.15'
spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, 'v', record=[0, 4], name='trace')
store()
counts = []
for value, gain in [(0.9, 1.0), (1.2, 1.5), (2.0, 1.1)]:
    restore()
    G.drive = value
    run(40*ms)
    counts.append(spikes.num_spikes)
print(counts)
