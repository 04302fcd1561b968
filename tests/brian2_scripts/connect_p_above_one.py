"""
Brian2's speed tests connect with p = 80/N, which is 8 at N = 10: every pair
is kept, and a random number is still drawn for each, so the random weights
set after connecting come later in the stream than with p = 1.
"""
from brian2 import *

seed(11)
N = 10
G = NeuronGroup(N, '''dv/dt = (1.2 - v)/(10*ms) : 1''', threshold='v > 1', reset='v = 0',
                method='exact', name='G')
G.v = 'rand()'
S = Synapses(G, G, 'w : 1', on_pre='v += w', name='S')
S.connect(p=80.0/N)
S.w = 'rand()*0.05'

spikes = SpikeMonitor(G, name='spikes')
weights = StateMonitor(S, 'w', record=[0, 7, 55, 99], name='weights')
run(30*ms)
