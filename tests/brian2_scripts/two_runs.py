"""
A simulation split into two run() calls with nothing changed in between: it
continues as one run of the total duration.
"""
from brian2 import *

seed(3)
tau = 12*ms
group = NeuronGroup(10, 'dv/dt = (1.1 - v)/tau + 0.2*xi*tau**-0.5 : 1',
                    threshold='v > 1', reset='v = 0', method='euler', name='group')
group.v = 'rand()'
spikes = SpikeMonitor(group, name='spikes')
trace = StateMonitor(group, 'v', record=[0, 9], name='trace')

run(30*ms)
print('first part:', spikes.num_spikes)
run(25*ms)
