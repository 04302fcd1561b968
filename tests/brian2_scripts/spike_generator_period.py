"""
A fixed spike pattern, repeated every 25 ms, reaching two neurons through
synapses with a delay given to the constructor.
"""
from brian2 import *

indices = [0, 1, 2, 0, 2]
times = [1, 3, 3.5, 10, 12.2]*ms
pattern = SpikeGeneratorGroup(3, indices, times, period=25*ms, name='pattern')

target = NeuronGroup(2, 'dv/dt = -v/(5*ms) : 1', threshold='v > 0.9',
                     reset='v = 0', method='exact', name='target')
syn = Synapses(pattern, target, 'w : 1', on_pre='v += w', delay=2*ms, name='syn')
syn.connect()
syn.w = 'j*0.3 + 0.35'

pattern_spikes = SpikeMonitor(pattern, name='pattern_spikes')
target_spikes = SpikeMonitor(target, name='target_spikes')
v = StateMonitor(target, 'v', record=True, name='v')
run(100*ms)
