"""
A script that uses what its monitors recorded: the input of the second run()
depends on the first run's spike count, first spike time and mean trace, as
a script tuning a parameter from a previous run would. Importing it needs
the first run's data, so the import simulates it (docs/brian2-import.md,
"Scripts that read their monitors").
"""
from brian2 import *

G = NeuronGroup(8, '''dv/dt = (I - v)/(10*ms) : 1
                      I : 1''',
                threshold='v > 1', reset='v = 0', method='exact', name='G')
G.I = '1.1 + 0.15*i'
spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, 'v', record=[0, 7], name='trace')
run(40*ms)

first_spike = spikes.t[0]
counts = spikes.count[:]
G.I = 1.05 + 0.02*spikes.num_spikes + 0.1*(counts == counts.min())
G.v[int(first_spike/ms) % 8] = mean(trace.v[1])
run(30*ms)
print('spikes in the second run:', spikes.num_spikes - sum(counts))
