"""
seed() wherever a script calls it, as Brian2's documentation on random
numbers uses it: once before the initial values, again between two values of
one group (the thresholds follow a seed of their own), before a Synapses
object's random weights, and between runs: before a value set with rand(),
and before a run whose noise is the next thing to draw. Every number is drawn
after a seed(N), so the imported model draws Brian2's very numbers.
"""
from brian2 import *

seed(2024)
tau = 10*ms
sigma = 0.15
G = NeuronGroup(40, '''dv/dt = (I - v)/tau + sigma*xi*tau**-0.5 : 1
                       I : 1
                       vt : 1''',
                threshold='v > vt', reset='v = 0', method='euler', name='G')
G.v = 'rand()'
seed(3)
G.vt = '1 + 0.1*rand()'
G.I = '1.1 + 0.2*randn()'
S = Synapses(G, G, 'w : 1', on_pre='v += w', name='S')
S.connect(p=0.1)
seed(11)
S.w = '0.05*rand()'

spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, ['v', 'I'], record=[0, 5, 17], name='trace')

run(30*ms)
seed(5)
G.I = '0.9 + 0.3*rand()'
run(20*ms)
G.I = 1.2
seed(9)
run(20*ms)
