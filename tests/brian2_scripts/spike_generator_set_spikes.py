"""
Input spikes given anew before each run with set_spikes(), as Brian2's
documentation suggests when the input of a run is known only after the one
before: a SpikeGeneratorGroup drives five neurons through synapses. The
group is made empty and its first spikes set before the first run; the
second run gets a pattern of its own, and the third one repeating every
5 ms from its start at 40 ms (a whole number of periods).
"""
from brian2 import *

tau = 10*ms
inputs = SpikeGeneratorGroup(4, [], []*ms, name='inputs')
neurons = NeuronGroup(5, 'dv/dt = -v/tau : 1', threshold='v > 1', reset='v = 0',
                      refractory=2*ms, method='exact', name='neurons')
syn = Synapses(inputs, neurons, 'w : 1', on_pre='v += w', delay=1*ms, name='syn')
syn.connect()
syn.w = '0.3 + 0.1*i + 0.05*j'

input_spikes = SpikeMonitor(inputs, name='input_spikes')
neuron_spikes = SpikeMonitor(neurons, name='neuron_spikes')
v = StateMonitor(neurons, 'v', record=[0, 2, 4], name='v')

inputs.set_spikes([0, 1, 2, 3, 0, 1], [2, 4, 6, 8, 15, 15.5]*ms)
run(20*ms)
inputs.set_spikes([3, 2, 1, 0, 3, 2], [22, 25, 25, 30, 33.5, 34]*ms)
run(20*ms)
inputs.set_spikes([0, 2, 1, 3], [1, 2, 2, 3.5]*ms, period=5*ms)
run(20*ms)
