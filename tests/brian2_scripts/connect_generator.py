"""
Connections written in generator syntax: local neighbourhoods, a random
sample of the targets, and one-to-one.
"""
from brian2 import *

seed(77)
N = 30
layer = NeuronGroup(N, '''dv/dt = (I - v)/(10*ms) : 1
                         I : 1 (constant)''', threshold='v > 1', reset='v = 0',
                    method='exact', name='layer')
layer.I = 'i*0.04'
relay = NeuronGroup(N, 'dv/dt = -v/(5*ms) : 1', threshold='v > 0.5', reset='v = 0',
                    method='exact', name='relay')

local = Synapses(layer, layer, on_pre='v += 0.2', name='local')
local.connect(j='k for k in range(i-2, i+3) if k != i and k >= 0 and k < N_post')
sparse = Synapses(layer, layer, on_pre='v += 0.1', name='sparse')
sparse.connect(j='k for k in sample(N_post, p=0.15)')
one_to_one = Synapses(layer, relay, on_pre='v += 0.6', name='one_to_one')
one_to_one.connect(j='i')

layer_spikes = SpikeMonitor(layer, name='layer_spikes')
relay_spikes = SpikeMonitor(relay, name='relay_spikes')
run(80*ms)
