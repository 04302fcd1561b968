"""
A protocol that changes more than values of groups between its runs: a
constant the equations read (assigned anew at module level, and through a
group's own namespace), synaptic weights set by condition, by presynaptic
index and by expression with rand(), and monitors, a Synapses object and a
group switched off and on again with `active`.
"""
from brian2 import *

seed(21)
tau = 10*ms
drive = 1.6
P = PoissonGroup(8, rates=150*Hz, name='P')
G = NeuronGroup(6, '''dv/dt = (drive - v)/tau + ge/(4*ms) : 1
                      dge/dt = -ge/(4*ms) : 1''',
                threshold='v > 1', reset='v = 0', refractory=1*ms, method='exact', name='G')
G.v = 'rand()'
H = NeuronGroup(3, 'du/dt = -u/tau_h : 1', threshold='u > 2', reset='u = 0', name='H',
                namespace={'tau_h': 8*ms})
S = Synapses(P, G, 'w : 1', on_pre='ge += w', name='S')
S.connect(p=0.6)
S.delay = '(1 + 0.5*j)*ms'
S.w = '0.05 + 0.1*rand()'
F = Synapses(G, H, 'c : 1', on_pre='u += c', delay=3*ms, name='F')
F.connect()
F.c = 0.3
spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, ['v', 'ge'], record=[0, 3], name='trace')
h_trace = StateMonitor(H, 'u', record=True, name='h_trace')
weights = StateMonitor(S, 'w', record=[0, 1, 2, 5], name='weights')
rate = PopulationRateMonitor(G, name='rate')
rate.active = False
run(25*ms)
tau = 5*ms
S.w['j >= 3'] = '0.2*rand()'
S.w[0:2, :] = 0.01
spikes.active = False
rate.active = True
run(20*ms)
drive = 0.8
H.namespace['tau_h'] = 3*ms
F.c = '0.5 + 0.1*i'
spikes.active = True
S.active = False
H.active = False
run(15*ms)
tau = 20*ms
S.active = True
H.active = True
h_trace.active = False
run(20*ms)
