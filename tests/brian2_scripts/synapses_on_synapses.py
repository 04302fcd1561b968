"""
Synapses acting on synapses: modulatory inputs change the weights of the
synapses from the inputs to the cells (their on_pre writes w_post), a
second Synapses object sums a decaying trace of the modulators into a
parameter of each of those synapses (y_post ... (summed)), and a monitor
records the weights and that parameter.
"""
from brian2 import *

seed(11)
tau = 10*ms
inputs = PoissonGroup(6, rates='(60 + 10*i)*Hz', name='inputs')
modulators = PoissonGroup(3, rates=15*Hz, name='modulators')
cells = NeuronGroup(4, 'dv/dt = -v/tau : 1', threshold='v > 1', reset='v = 0',
                    method='exact', name='cells')

S = Synapses(inputs, cells, 'w : 1\ny : 1', on_pre='v_post += w*(1 + y)', name='S')
S.connect(p=0.6)
S.w = '0.2 + 0.1*rand()'

modulate = Synapses(modulators, S, 'c : 1', on_pre='w_post = clip(w_post + c, 0, 0.8)',
                    name='modulate')
modulate.connect(j='k for k in range(N_post) if k % 3 == i')
modulate.c = '0.02*(1 + i) - 0.01*rand()'
modulate.delay = 1*ms

summing = Synapses(modulators, S, '''dq/dt = -q/(15*ms) : 1 (clock-driven)
                                     y_post = 0.3*q : 1 (summed)''',
                   on_pre='q += 1', name='summing')
summing.connect('w_post > 0.25', p=0.5)

spikes = SpikeMonitor(cells, name='spikes')
weights = StateMonitor(S, ['w', 'y'], record=True, dt=1*ms, name='weights')
run(100*ms)
