"""
Dendritic delays that differ by condition and by index: STDP whose
postsynaptic pathway reaches the synapse after a delay that depends on the
target (S.post.delay['j < 2'] = ...), one synapse's own (S.post.delay[3] =
...), random delays drawn between random weights (numbers drawn in script
order), and a second presynaptic pathway, 'inhibit', whose delays are set by
its presynaptic index.
"""
from brian2 import *

seed(23)
taupre = taupost = 15*ms
wmax = 0.5
Apre0 = 0.03
Apost0 = -Apre0 * 1.1
tau = 8*ms

inputs = PoissonGroup(6, rates='40*Hz + 10*Hz*i', name='inputs')
cells = NeuronGroup(4, '''dv/dt = (I - v)/tau : 1
                          I : 1''',
                    threshold='v > 1', reset='v = 0', method='exact', name='cells')
cells.I = '0.9 + 0.05*i'
S = Synapses(inputs, cells,
             '''w : 1
                dApre/dt = -Apre/taupre : 1 (event-driven)
                dApost/dt = -Apost/taupost : 1 (event-driven)''',
             on_pre={'pre': '''v_post += w
                               Apre += Apre0
                               w = clip(w + Apost, 0, wmax)''',
                     'inhibit': 'v_post -= 0.3*w'},
             on_post='''Apost += Apost0
                        w = clip(w + Apre, 0, wmax)''',
             name='S')
S.connect(p=0.9)
S.w = 'rand()*wmax'
S.delay = 1*ms
S.post.delay['j < 2'] = '(0.5 + j)*ms'
S.post.delay['j >= 2'] = 'rand()*3*ms'
S.post.delay[3] = 4*ms
S.w['i == 5'] = 'rand()*0.1'
S.inhibit.delay[2:, :] = '2*ms + 0.5*ms*i'

weights = StateMonitor(S, ['w', 'Apost'], record=[0, 3, 7], dt=1*ms, name='weights')
spikes = SpikeMonitor(cells, name='spikes')
run(300*ms)
