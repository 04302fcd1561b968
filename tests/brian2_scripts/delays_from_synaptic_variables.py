"""
Delays computed from the synapses' own variables: a weight set first, and
the multisynaptic index Brian2 adds to number the synapses of each pair
(`S.delay = '(k + 1)*0.2*ms + w*ms'`), for the pathway 'pre' and 'post'.
"""
from brian2 import *

seed(13)
G = NeuronGroup(10, '''dv/dt = (I - v)/(10*ms) : 1
                       I : 1 (constant)''', threshold='v > 1', reset='v = 0',
                method='exact', name='neurons')
G.I = '1.1 + 0.05*i'

S = Synapses(G, G, 'w : 1', on_pre='v_post += w * (1 + k)', on_post='w *= 0.95',
             multisynaptic_index='k', name='recurrent')
S.connect(j='m for m in range(i-2, i+3) if rand() < 0.6', skip_if_invalid=True)
S.connect(i=[1, 1, 1], j=[4, 4, 4])
S.w = 'rand()*0.1'
S.pre.delay = '(k + 1)*0.2*ms + w*ms'
S.post.delay = '0.5*ms * (1 + k % 2)'

spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, 'v', record=[0, 4, 9], name='trace')
weights = StateMonitor(S, 'w', record=[0, 5, 10], name='weights')
run(50*ms)
