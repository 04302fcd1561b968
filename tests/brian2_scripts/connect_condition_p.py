"""
Recurrent excitation without self-connections, each pair connected with
probability 0.2; random weights and random delays.
"""
from brian2 import *

seed(321)
tau = 10*ms
N = 40

G = NeuronGroup(N, '''dv/dt = (I - v)/tau : 1
                      I : 1''', threshold='v > 1', reset='v = 0', method='exact',
                name='G')
G.I = '0.9 + 0.3*rand()'
G.v = 'rand()'
S = Synapses(G, G, 'w : 1', on_pre='v += w', name='S')
S.connect(condition='i != j', p=0.2)
S.delay = '(1 + 2*rand())*ms'
S.w = 'rand()*0.1'

spikes = SpikeMonitor(G, name='spikes')
weights = StateMonitor(S, 'w', record=[0, 1, 2], name='weights')
run(80*ms)
