"""
A noisy network stored halfway and brought back, random state included
(restore_random_state=True): the second half runs twice with the same
random numbers. Each restore() makes a network of its own (the runs up to
store(), then those after restore()), so the import writes one model per
network, and the monitors after the last run hold the restored first half
and the second half run again.
"""
from brian2 import *

seed(5)
G = NeuronGroup(6, 'dv/dt = (1.2 - v)/(10*ms) + 0.15*xi/sqrt(ms) : 1',
                threshold='v > 1', reset='v = 0', method='euler', name='G')
G.v = 'rand()'
spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, 'v', record=[0, 3], name='trace')
run(15*ms)
store('halfway')
run(15*ms)
first = spikes.num_spikes
restore('halfway', restore_random_state=True)
run(15*ms)
