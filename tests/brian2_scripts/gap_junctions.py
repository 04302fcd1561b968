"""
Neurons coupled by gap junctions: the junction current is a summed variable
of the synapses, written into a parameter of the neurons.
"""
from brian2 import *

N = 10
v0 = 1.05
tau = 10*ms

eqs = '''
dv/dt = (v0 - v + Igap) / tau : 1
Igap : 1 # gap junction current
'''
neurons = NeuronGroup(N, eqs, threshold='v > 1', reset='v = 0', method='exact',
                      name='neurons')
neurons.v = 'i * 1.0 / (N - 1)'
gap = Synapses(neurons, neurons, '''
             w : 1 # gap junction conductance
             Igap_post = w * (v_pre - v_post) : 1 (summed)
             ''', name='gap')
gap.connect()
gap.w = .02

trace = StateMonitor(neurons, ['v', 'Igap'], record=[0, 5, 9], name='trace')
spikes = SpikeMonitor(neurons, name='spikes')
run(100*ms)
