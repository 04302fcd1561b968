"""
Adapting leaky integrate-and-fire neurons. An EventMonitor records the
membrane potential and the adaptation current at each spike (after the
threshold, before the reset), and a SpikeMonitor records v with its spikes.
"""
from brian2 import *

tau = 10*ms
tau_w = 50*ms
El = -70*mV
Vt = -50*mV
Vr = -65*mV

eqs = '''
dv/dt = (El - v + I - w)/tau : volt (unless refractory)
dw/dt = -w/tau_w : volt
I : volt (constant)
'''
neurons = NeuronGroup(10, eqs, threshold='v > Vt', reset='''
v = Vr
w += 2*mV
''', refractory=3*ms, method='euler', name='neurons')
neurons.v = El
neurons.I = '20*mV + i*2*mV'

events = EventMonitor(neurons, 'spike', variables=['v', 'w'], name='events')
spikes = SpikeMonitor(neurons, variables='v', name='spikes')

run(100*ms)
print(events.num_events, spikes.num_spikes)
