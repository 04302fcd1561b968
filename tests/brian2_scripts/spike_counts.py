"""
Counting spikes without recording them, as Brian2's user guide suggests
for long or large runs where only rates matter: SpikeMonitor(record=False)
keeps each neuron's count, on a group and on a subgroup, and an
EventMonitor(record=False) counts a custom event; a full SpikeMonitor beside
them records the same spikes.
"""
from brian2 import *

seed(12)
tau = 10*ms
G = NeuronGroup(20, '''dv/dt = (1.1 + 0.05*i - v)/tau + 0.3*xi/sqrt(tau) : 1''',
                threshold='v > 1', reset='v = 0', refractory=2*ms,
                events={'high': 'v > 0.9'}, method='euler', name='G')
G.v = 'rand()'

counts = SpikeMonitor(G, record=False, name='counts')
counts_of_half = SpikeMonitor(G[10:], record=False, name='counts_of_half')
high = EventMonitor(G, 'high', record=False, name='high')
spikes = SpikeMonitor(G, name='spikes')
run(200*ms)
print('spikes counted:', counts.num_spikes, sum(counts.count))
