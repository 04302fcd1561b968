"""
Connections in generator syntax for `i`: Brian2 goes through the targets in
turn and gives each its sources (`S.connect(i='...')`), drawing its random
numbers target by target and numbering the synapses in that order. A random
sample per target, a neighbourhood with a presynaptic condition, one source
per target, and weights drawn per synapse afterwards, which read that order.
"""
from brian2 import *

seed(31)
sources = NeuronGroup(12, '''dv/dt = (I - v)/(8*ms) : 1
                            I : 1 (constant)
                            depth : 1 (constant)''', threshold='v > 1', reset='v = 0',
                      method='exact', name='sources')
sources.I = '1.1 + 0.05*i'
sources.depth = 'i % 3'
targets = NeuronGroup(8, '''dv/dt = -v/(6*ms) : 1
                           level : 1 (constant)''', threshold='v > 0.8', reset='v = 0',
                      method='exact', name='targets')
targets.level = 'i % 3'

sampled = Synapses(sources, targets, 'w : 1', on_pre='v_post += w', name='sampled')
sampled.connect(i='k for k in sample(N_pre, p=0.3)')
sampled.w = 'rand()*0.5'
near = Synapses(sources, targets, on_pre='v_post += 0.15', name='near')
near.connect(i='k for k in range(N_pre) if depth_pre == level_post and k >= j and k < j + 5')
single = Synapses(sources, targets, on_pre='v_post += 0.4', name='single')
single.connect(i='N_pre - 1 - j')

target_spikes = SpikeMonitor(targets, name='target_spikes')
weights = StateMonitor(sampled, 'w', record=[0, 1, 2, 5], name='weights')
run(40*ms)
