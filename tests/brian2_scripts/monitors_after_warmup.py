"""
A network settles in a first run() before the script makes its monitors
(Brette 2004, Touboul & Brette 2008 and Rothman & Manis 2003 in Brian2's
examples do this): the monitors record from the second run() on, and a
value set between the runs changes the input.
"""
from brian2 import *

seed(11)
tau = 10*ms
neurons = NeuronGroup(20, '''dv/dt = (I - v)/tau + 0.1*xi*tau**-0.5 : 1
                             I : 1''',
                      threshold='v > 1', reset='v = 0', refractory=2*ms,
                      method='euler', name='neurons')
neurons.v = 'rand()'
neurons.I = linspace(0.8, 1.6, 20)

run(40*ms)  # settle; nothing recorded yet

spikes = SpikeMonitor(neurons, name='spikes')
trace = StateMonitor(neurons, 'v', record=[0, 19], when='start', name='trace')
rate = PopulationRateMonitor(neurons, name='rate')
neurons.I = 'I + 0.2'
run(30*ms)
print('spikes after the warm-up:', spikes.num_spikes)
