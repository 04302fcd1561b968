"""
An I-F curve as Brian2's tutorials compute one: a fresh network per input
current (start_scope() in a loop), each seeded alike, its firing rate
collected. The networks differ only in the current, so the import is one
model and a sweep over the current.
"""
from brian2 import *

tau = 10*ms
R = 20*Mohm
currents = [0.8, 1.1, 1.6]*nA
rates = []
for current in currents:
    start_scope()
    seed(11)
    neurons = NeuronGroup(8, '''dv/dt = (-v + R*I)/tau : volt
                                I : amp''',
                          threshold='v > 15*mV', reset='v = 0*mV', refractory=3*ms,
                          method='exact')
    neurons.v = 'rand()*10*mV'
    neurons.I = current
    spikes = SpikeMonitor(neurons)
    trace = StateMonitor(neurons, 'v', record=[0, 7])
    run(60*ms)
    rates.append(spikes.num_spikes/(8*60*ms))
print(rates)
