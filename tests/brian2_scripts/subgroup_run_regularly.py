"""
run_regularly on subgroups (Izhikevich 2003 in Brian2's examples gives its
excitatory and inhibitory parts noise of different sizes this way): each
operation draws numbers for its slice only, and `i` counts from the slice's
start.
"""
from brian2 import *

seed(21)
tau = 10*ms
G = NeuronGroup(12, '''dv/dt = (I_noise + 1.05 - v)/tau : 1
                       I_noise : 1
                       offset : 1''',
                threshold='v > 1', reset='v = 0', method='euler', name='G')
G.v = 'rand()'
Ge = G[:8]
Gi = G[8:]
Ge.run_regularly('I_noise = 0.5*randn()', dt=1*ms)
Gi.run_regularly('I_noise = 0.2*randn() + 0.05*i', dt=2*ms, when='end')
Ge.run_regularly('offset = i', dt=5*ms)

spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, ['v', 'I_noise', 'offset'], record=[0, 7, 8, 11], name='trace')
run(30*ms)
