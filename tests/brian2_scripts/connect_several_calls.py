"""
One Synapses object connected by several connect() calls: a random
condition, explicit index pairs, a neighbourhood that skips the neurons
beyond the edges (skip_if_invalid) and a second synapse for some pairs; a
multisynaptic index gives every synapse of a pair its own weight.
"""
from brian2 import *

seed(23)
tau = 10*ms
inputs = PoissonGroup(16, rates='(20 + 4*i)*Hz', name='inputs')
cells = NeuronGroup(12, 'dv/dt = -v/tau : 1', threshold='v > 1', reset='v = 0',
                    method='exact', name='cells')

S = Synapses(inputs, cells, 'w : 1', on_pre='v += w*(1 + 0.5*k)',
             multisynaptic_index='k', name='S')
S.connect('abs(i - j) > 3', p=0.2)
S.connect(i=[0, 0, 5, 15], j=[11, 11, 2, 0])
S.connect(j='l for l in range(i - 2, i + 3)', skip_if_invalid=True)
S.connect(j='i', skip_if_invalid=True, n=2)
S.w = '0.15 + 0.1*rand()'
S.delay = '0.5*ms*(i % 3)'

spikes = SpikeMonitor(cells, name='spikes')
trace = StateMonitor(cells, 'v', record=[0, 6, 11], name='trace')
numbers = StateMonitor(S, ['k', 'w'], record=[0, 35, 36, 60, 95, 118], dt=10*ms, name='numbers')
run(80*ms)
