"""
Synapses on a clock of their own, slower than their neurons': clock-driven
conductances and a summed current step every 0.2 ms, and STDP whose
event-driven traces read t of the synapses' clock (Brian2 runs a pathway
when its source's clock is due, with the synapses' t, already at their next
step when they are slower).
"""
from brian2 import *

seed(9)
G = NeuronGroup(20, '''dv/dt = (Isyn + 1.3 - v)/(10*ms) : 1
                       Isyn : 1''', threshold='v > 1', reset='v = 0',
                method='exact', name='neurons')
G.v = 'rand()'
S = Synapses(G[:10], G[10:], '''dg/dt = -g/(4*ms) : 1 (clock-driven)
                                Isyn_post = 0.3*g : 1 (summed)
                                dapre/dt = -apre/(15*ms) : 1 (event-driven)
                                w : 1''',
             on_pre='g += w; apre += 1', on_post='w = clip(w + 0.01*apre, 0, 1)',
             dt=0.2*ms, method='exact', name='slow')
S.connect(p=0.5)
S.w = 'rand()'

spikes = SpikeMonitor(G, name='spikes')
trace = StateMonitor(G, ['v', 'Isyn'], record=[0, 12, 19], name='trace')
synaptic = StateMonitor(S, ['g', 'w', 'apre', 'lastupdate'], record=[0, 1, 2], name='synaptic')
run(60*ms)
