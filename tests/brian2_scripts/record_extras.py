"""
What Brian2 users record beyond equations: a refractory group's `lastspike`
and `not_refractory`, a synapse's `lastupdate` next to its weight for the
synapses of one presynaptic neuron (`record=S[0, :]`), and a SpikeMonitor
given `record=[0, 1]`, which Brian2 2.5.1 reads as "record" (every neuron).
"""
from brian2 import *

seed(3)
G = NeuronGroup(5, 'dv/dt = (1.2 - v)/(10*ms) : 1 (unless refractory)',
                threshold='v > 1', reset='v = 0', refractory=2*ms, method='exact', name='G')
G.v = 'rand()'
S = Synapses(G, G, '''w : 1
                      dx/dt = -x/(5*ms) : 1 (event-driven)''',
             on_pre='''v += w
                       x += 1''', name='S')
S.connect(p=0.5)
S.w = 0.1
clocks = StateMonitor(G, ['lastspike', 'not_refractory'], record=True, name='clocks')
updates = StateMonitor(S, ['w', 'lastupdate'], record=S[0, :], name='updates')
spikes = SpikeMonitor(G, record=[0, 1], name='spikes')
run(40*ms)
