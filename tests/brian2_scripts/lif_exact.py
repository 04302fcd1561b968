"""
Leaky integrate-and-fire neurons driven by a constant input that grows with
the neuron's index, integrated exactly.
"""
from brian2 import *

tau = 10*ms
El = -70*mV
Vt = -50*mV
Vr = -65*mV

eqs = '''
dv/dt = (El - v + I)/tau : volt (unless refractory)
I : volt (constant)
'''
neurons = NeuronGroup(20, eqs, threshold='v > Vt', reset='v = Vr',
                      refractory=4*ms, method='exact', name='neurons')
neurons.v = El
neurons.I = '15*mV + i*0.75*mV'

spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, 'v', record=[0, 10, 19], name='trace')

run(100*ms)
print(spikes.num_spikes)
