"""
Connections with two synapses per connected pair (n=2), and a condition that
uses the neurons' positions (a variable of each group).
"""
from brian2 import *

seed(8)
sources = NeuronGroup(12, '''dv/dt = (1.2 - v)/(8*ms) : 1
                             x : 1 (constant)''', threshold='v > 1', reset='v = 0',
                      method='exact', name='sources')
sources.x = 'i*0.1'
sources.v = 'rand()'
targets = NeuronGroup(6, '''dv/dt = -v/(10*ms) : 1
                           x : 1 (constant)''', threshold='v > 1', reset='v = 0',
                      method='exact', name='targets')
targets.x = 'i*0.2'

near = Synapses(sources, targets, on_pre='v += 0.15', name='near')
near.connect(condition='abs(x_pre - x_post) < 0.35', n=2)
far = Synapses(sources, targets, on_pre='v += 0.05', name='far')
far.connect(p=0.3, n=2)

spikes = SpikeMonitor(targets, name='spikes')
trace = StateMonitor(targets, 'v', record=[0, 3, 5], name='trace')
run(60*ms)
