"""
Spike-timing-dependent plasticity with axonal and dendritic delays: the
presynaptic pathway arrives after an axonal delay per synapse (S.delay), the
postsynaptic one after a random dendritic delay (S.post.delay), and a second
presynaptic pathway, 'inhibit', has a delay of its own.
"""
from brian2 import *

seed(11)
taupre = taupost = 20*ms
wmax = 0.6
Apre0 = 0.02
Apost0 = -Apre0 * 1.05
tau = 10*ms

inputs = SpikeGeneratorGroup(5, [0, 1, 2, 3, 4, 0, 2, 4],
                             [2, 5, 9, 14, 20, 24, 31, 37]*ms, period=40*ms, name='inputs')
cells = NeuronGroup(3, '''dv/dt = (I - v)/tau : 1
                          I : 1''',
                    threshold='v > 1', reset='v = 0', method='exact', name='cells')
cells.I = '1.1 + 0.1*i'
S = Synapses(inputs, cells,
             '''w : 1
                dApre/dt = -Apre/taupre : 1 (event-driven)
                dApost/dt = -Apost/taupost : 1 (event-driven)''',
             on_pre={'pre': '''v_post += w
                               Apre += Apre0
                               w = clip(w + Apost, 0, wmax)''',
                     'inhibit': 'v_post -= 0.4*w'},
             on_post='''Apost += Apost0
                        w = clip(w + Apre, 0, wmax)''',
             delay={'inhibit': 3*ms}, on_event={'inhibit': 'spike'}, name='S')
S.connect(p=0.8)
S.delay = '1*ms + 0.5*ms*i'
S.post.delay = '2*ms*rand()'
S.w = 'rand()*wmax'

weights = StateMonitor(S, ['w', 'Apost'], record=[0, 1, 5], dt=1*ms, name='weights')
spikes = SpikeMonitor(cells, name='spikes')
run(300*ms)
