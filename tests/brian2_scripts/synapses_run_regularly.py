"""
run_regularly on Synapses, as Brian2's tests and users write it for slow
weight drift and homeostasis: code run for every synapse on a clock of its
own, drawing numbers synapse by synapse, reading pre- and postsynaptic
values, and (in another slot) adding into a postsynaptic variable once per
synapse in synapse order.
"""
from brian2 import *

seed(8)
tau = 10*ms
inputs = NeuronGroup(5, '''dv/dt = (1.3 + 0.1*i - v)/tau : 1
                           rank : 1 (constant)''',
                     threshold='v > 1', reset='v = 0', method='exact', name='inputs')
inputs.rank = 'i'
inputs.v = 'rand()'
cells = NeuronGroup(4, '''dv/dt = -v/(20*ms) : 1
                          boost : 1''', name='cells')

syn = Synapses(inputs, cells, '''w : 1
                                 age : 1''',
               on_pre='v_post += w', name='syn')
syn.connect(p=0.7)
syn.w = '0.2 + 0.1*rand()'
syn.run_regularly('''w = clip(w + 0.02*randn() + 0.01*rank_pre - 0.5*v_post*w, 0, 1)
                     age += 1''', dt=2*ms)
syn.run_regularly('boost_post += 0.1*w', dt=5*ms, when='end', order=1, name='syn_boost')

spikes = SpikeMonitor(inputs, name='spikes')
weights = StateMonitor(syn, ['w', 'age'], record=[0, 3, 7], name='weights')
membrane = StateMonitor(cells, ['v', 'boost'], record=True, name='membrane')
run(30*ms)
