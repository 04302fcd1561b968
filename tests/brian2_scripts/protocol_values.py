"""
A protocol as Brian2's examples write one: run, change the input, run again.
Values set between runs by expression (with rand()), by slice, through a
subgroup and by condition, so the random numbers drawn between the runs
must come from the same stream, in the same order, as Brian2's.
"""
from brian2 import *

seed(7)
G = NeuronGroup(20, '''dv/dt = (I - v)/(10*ms) + 0.1*xi/sqrt(ms) : 1
                       I : 1''',
                threshold='v > 1', reset='v = 0', method='euler', name='G')
G.v = 'rand()'
G.I = 1.5
trace = StateMonitor(G, ['v', 'I'], record=[0, 5, 12, 17], name='trace')
spikes = SpikeMonitor(G, name='spikes')
run(30*ms)
G.I = 0
G.I[:10] = '1.2 + rand()'
late = G[10:]
late.I['i % 2 == 0'] = 'i*0.2'
run(20*ms)
G.v['i >= 15'] = 'rand()*0.5'
run(10*ms)
