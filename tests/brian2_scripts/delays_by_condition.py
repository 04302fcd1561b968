"""
Delays that differ by condition and by index, set as Brian2's Jeffress
example sets them (S.delay['i == 0'] = ..., S.delay['i == 1'] = ...), one
synapse's delay by its (pre, post) pair, and a random delay drawn between
random weights, so that numbers must be drawn in script order.
"""
from brian2 import *

seed(7)
num_neurons = 12
max_delay = 0.6*ms
tau = 1*ms

inputs = NeuronGroup(3, 'dv/dt = (1.2 - v)/(3*ms) : 1', threshold='v > 1', reset='v = 0',
                     method='exact', name='inputs')
inputs.v = 'rand()'
neurons = NeuronGroup(num_neurons, 'dv/dt = -v/tau : 1', threshold='v > 1', reset='v = 0',
                      method='exact', name='neurons')
S = Synapses(inputs, neurons, 'w : 1', on_pre='v += w', name='S')
S.connect()
S.w = 'rand()*0.6 + 0.3'
S.delay['i == 0'] = '(1.0*j)/(num_neurons - 1)*1.1*max_delay'
S.delay['i == 1'] = '(1.0*(num_neurons - j - 1))/(num_neurons - 1)*1.1*max_delay'
S.delay['i == 2'] = 'rand()*max_delay'
S.delay[1, 3] = 2*ms
S.w['j > 8'] = 'rand()'

spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, 'v', record=[0, 3, 11], name='trace')
run(50*ms)
